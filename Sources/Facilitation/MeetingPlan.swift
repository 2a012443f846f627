/// What the group agreed for this meeting: who, which mode, and the time rules.
///
/// Durations are in seconds here, as people state them; the tracker turns them into sample
/// frames once it knows the sample rate.
public struct MeetingPlan: Codable, Sendable, Equatable {
    public var mode: MeetingMode
    public var participants: [Participant]
    /// Time available for the whole meeting (rounds: divided equally unless `slotLength` is set).
    public var meetingLength: Double?
    /// Explicit slot length for rounds; overrides `meetingLength / participants.count`.
    public var slotLength: Double?
    /// A warning is raised this long before a slot ends (rounds). Default one minute.
    public var warningBefore: Double
    /// Open floor: a single turn longer than this is an overrun. Default two minutes.
    public var maxTurn: Double
    /// Two or more people speaking at once for at least this long is cross-talk.
    public var crossTalkMinimum: Double
    /// Open floor: speaking alone for this long takes the floor.
    public var floorMinimum: Double

    public init(
        mode: MeetingMode,
        participants: [Participant],
        meetingLength: Double? = nil,
        slotLength: Double? = nil,
        warningBefore: Double = 60,
        maxTurn: Double = 120,
        crossTalkMinimum: Double = 0.5,
        floorMinimum: Double = 1.0
    ) {
        self.mode = mode
        self.participants = participants
        self.meetingLength = meetingLength
        self.slotLength = slotLength
        self.warningBefore = warningBefore
        self.maxTurn = maxTurn
        self.crossTalkMinimum = crossTalkMinimum
        self.floorMinimum = floorMinimum
    }

    /// The length of each slot in rounds: the explicit slot, else the meeting divided equally.
    public var effectiveSlotLength: Double? {
        if let slotLength { return slotLength }
        guard let meetingLength, !participants.isEmpty else { return nil }
        return meetingLength / Double(participants.count)
    }
}
