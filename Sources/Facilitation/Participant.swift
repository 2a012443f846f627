/// A member of the meeting.
public struct Participant: Codable, Sendable, Hashable {
    /// The name people use for them in the room; unique within a meeting.
    public var name: String
    /// The input channel that is this person's own microphone (0-based); `nil` with one
    /// shared microphone.
    public var channel: Int?

    public init(name: String, channel: Int? = nil) {
        self.name = name
        self.channel = channel
    }
}

/// How the meeting shares its time.
public enum MeetingMode: String, Codable, Sendable, CaseIterable {
    /// Equal slots in order; the slot's owner holds the turn.
    case rounds
    /// Whoever holds the floor holds the turn.
    case open
}
