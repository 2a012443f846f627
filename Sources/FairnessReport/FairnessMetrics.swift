import Facilitation

/// Per-participant and per-meeting fairness numbers computed from a meeting's timings.
///
/// PLACEHOLDER (skeleton): the report work fills this in.
public struct FairnessMetrics: Sendable {
    public init(_ log: MeetingLog) {}
}
