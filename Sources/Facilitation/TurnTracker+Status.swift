import VoiceActivity

/// Where the current turn stands, for a live view: read-only, so showing it changes nothing.
public struct TurnStatus: Sendable, Equatable {
    /// The participant holding the turn, `nil` between rounds, while paused, or before anyone
    /// took the floor.
    public var holder: Int?
    /// Where the current turn (slot or hold of the floor) began, in sample frames.
    public var turnStart: Int64
    /// Where the current slot is planned to end (rounds); `nil` in open floor.
    public var plannedEnd: Int64?
    /// Whether the rounds clock is paused.
    public var paused: Bool
    /// Participants speaking over each other right now, for at least the cross-talk minimum
    /// (per-person microphones); empty if none.
    public var crossTalk: [Int]
    /// For each participant, the frame where their speech now in progress began (`nil` when
    /// silent), so a view can add the open stretch to the closed segments.
    public var speakingSince: [Int64?]

    public init(
        holder: Int?, turnStart: Int64, plannedEnd: Int64?, paused: Bool, crossTalk: [Int],
        speakingSince: [Int64?]
    ) {
        self.holder = holder
        self.turnStart = turnStart
        self.plannedEnd = plannedEnd
        self.paused = paused
        self.crossTalk = crossTalk
        self.speakingSince = speakingSince
    }
}

extension TurnTracker {
    /// The current turn, for a live view. Allocates (two small arrays): not for the audio path.
    public var status: TurnStatus {
        let count = plan.participants.count
        var since = [Int64?](repeating: nil, count: count)
        for channel in 0..<channelCount where runStart[channel] >= 0 {
            let who = runParticipant[channel]
            if who >= 0 && who < count {
                since[who] = min(since[who] ?? runStart[channel], runStart[channel])
            }
        }
        var overlapping: [Int] = []
        if floor.overlapStart >= 0 && position - floor.overlapStart >= crossTalkFrames {
            overlapping = (0..<count).filter { floor.overlapMembers & (1 << UInt64($0)) != 0 }
        }
        switch plan.mode {
        case .rounds:
            let inRound = slot.index < count
            return TurnStatus(
                holder: turnHolder, turnStart: inRound ? slot.start : position,
                plannedEnd: inRound ? slot.plannedEnd : nil, paused: slot.paused, crossTalk: overlapping,
                speakingSince: since)
        case .open:
            return TurnStatus(
                holder: turnHolder, turnStart: floor.holder >= 0 ? floor.turnStart : position, plannedEnd: nil,
                paused: false, crossTalk: overlapping, speakingSince: since)
        }
    }
}
