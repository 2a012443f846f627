import Facilitation
import Foundation

/// One line of the meetings list: enough to pick a meeting without loading its timings.
public struct MeetingSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var startedAt: Date
    public var source: String
    public var mode: MeetingMode
    public var status: MeetingStatus
    public var durationSeconds: Double
    /// Participant names in the plan's order.
    public var participants: [String]
    public var group: String?

    public init(
        id: Int64, startedAt: Date, source: String, mode: MeetingMode, status: MeetingStatus,
        durationSeconds: Double, participants: [String], group: String?
    ) {
        self.id = id
        self.startedAt = startedAt
        self.source = source
        self.mode = mode
        self.status = status
        self.durationSeconds = durationSeconds
        self.participants = participants
        self.group = group
    }
}
