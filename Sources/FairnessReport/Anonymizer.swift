import Facilitation

/// Replaces people's names for sharing a report outside the group: initials ("Ana Lopez" →
/// "AL"), or "Member 1…n" for everyone when two people's initials collide (or an initial
/// would spell someone's real name).
///
/// Aliases follow the order names are given in, so a group's members keep the same alias
/// from one meeting to the next when the same member list is used.
public struct Anonymizer: Sendable, Equatable {
    /// Alias for each real name.
    public private(set) var aliases: [String: String]

    /// What replaces a meeting's source (a file name can hold names) and a group's name.
    public static let hiddenSource = "recording"
    public static let hiddenGroup = "the group"

    /// Aliases for `names` (duplicates ignored, order kept).
    public init(names: [String]) {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let initials = unique.map(Self.initials)
        let clash =
            Set(initials).count != initials.count || initials.contains { unique.contains($0) }
            || initials.contains { $0.isEmpty }
        aliases = [:]
        for (index, name) in unique.enumerated() {
            aliases[name] = clash ? "Member \(index + 1)" : initials[index]
        }
    }

    /// The alias of `name`; a name it was not built with becomes "someone".
    public func alias(_ name: String) -> String { aliases[name] ?? "someone" }

    /// `log` with participants, facilitator, group and source replaced.
    public func anonymize(_ log: MeetingLog) -> MeetingLog {
        var log = log
        log.plan.participants = log.plan.participants.map { Participant(name: alias($0.name), channel: $0.channel) }
        log.facilitator = log.facilitator.map(alias)
        log.group = log.group.map { _ in Self.hiddenGroup }
        log.source = Self.hiddenSource
        return log
    }

    /// Every name in `log`: participants in the plan's order, then the facilitator.
    public static func names(in log: MeetingLog) -> [String] {
        log.participants.map(\.name) + (log.facilitator.map { [$0] } ?? [])
    }

    /// "AL" for "Ana Lopez", "JP" for "jean-pierre": the first letter of each word, upper case.
    static func initials(_ name: String) -> String {
        let words = name.split { $0.isWhitespace || $0 == "-" || $0 == "." || $0 == "_" }
        return words.compactMap { $0.first.map { String($0).uppercased() } }.joined()
    }
}
