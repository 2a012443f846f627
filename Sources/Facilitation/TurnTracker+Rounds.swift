import VoiceActivity

/// Where the rounds schedule stands.
struct SlotState: Sendable {
    /// Index of the current slot (= its owner); `participants.count` once the round is over.
    var index = 0
    var start: Int64 = 0
    var plannedEnd: Int64 = 0
    var warningAt: Int64 = 0
    var warned = false
    /// The owner is speaking past the planned end; the slot ends when they stop.
    var overrunning = false
    /// Where the owner was last heard in this slot (end of that frame); -1 before.
    var ownerLastHeard: Int64 = -1
    /// Where the owner was last certain to be heard in the detector's look-ahead (end of that
    /// hop; `ActivityFrame.leading`); -1 before.
    var ownerLastLeading: Int64 = -1
    var paused = false

    func owner(participantCount: Int) -> Int? { index < participantCount ? index : nil }

    mutating func startSlot(index: Int, at t: Int64, plannedEnd end: Int64, warning: Int64) {
        let length = end - t
        self.index = index
        start = t
        plannedEnd = end
        warningAt = plannedEnd - warning
        // A warning that does not fit in the slot is not given.
        warned = warning <= 0 || warning >= length
        overrunning = false
        ownerLastHeard = -1
        ownerLastLeading = -1
    }
}

extension TurnTracker {
    /// Runs the rounds timers up to frame `t`: warning, end of slot, overrun.
    ///
    /// A slot whose owner is still speaking at its planned end — or takes a breath across it and
    /// carries on — is not cut off: an overrun is flagged and the slot runs on until the owner
    /// stops, that is, is quiet for ``handOverPause`` (longer than a breath between sentences);
    /// it ends where their speech ended (at most one more slot length).
    /// The schedule does not slip: the next slot keeps its planned end, so an overrun is time
    /// taken from the next person, as it is in the room.
    mutating func advanceRounds(
        to t: Int64, speaking: ChannelSet, frameLength: Int64, emit: (TrackerOutput) -> Void
    ) {
        let count = plan.participants.count
        guard let owner = slot.owner(participantCount: count) else { return }
        if slot.paused {
            slot.plannedEnd += frameLength
            slot.warningAt += frameLength
            return
        }
        if !slot.warned && t >= slot.warningAt {
            slot.warned = true
            emit(.event(FacilitationEvent(kind: .warning, start: slot.warningAt, participants: [owner])))
        }
        let ownerSpeaking = isSpeaking(participant: owner, in: speaking)
        if ownerSpeaking { slot.ownerLastHeard = t + frameLength }
        guard t >= slot.plannedEnd else { return }
        let quietFor = slot.ownerLastHeard >= 0 ? t - slot.ownerLastHeard : Int64.max
        if !slot.overrunning {
            if ownerSpeaking {
                slot.overrunning = true
                emit(.event(FacilitationEvent(kind: .overrun, start: slot.plannedEnd, participants: [owner])))
                return
            }
            // Quiet at the planned end: a breath if they were heard just before and it is not
            // yet a pause; then the slot ends when planned.
            if quietFor < handOverPauseFrames && slot.plannedEnd - slot.ownerLastHeard < handOverPauseFrames { return }
            nextSlot(at: slot.plannedEnd, plannedEnd: slot.plannedEnd + slotFrames, emit: emit)
            return
        }
        var end = t
        if t < slot.plannedEnd + slotFrames {
            if quietFor < handOverPauseFrames { return }
            end = max(slot.plannedEnd, slot.ownerLastHeard)
        }
        nextSlot(at: end, plannedEnd: slot.plannedEnd + slotFrames, emit: emit)
    }

    /// Gives the cues of the audio heard so far without waiting for its final decisions: the
    /// warning once `frame.leadingStart` reaches it, and the overrun as soon as the owner is
    /// certain to be speaking (`frame.leading`) at or after the planned end — in its first hop,
    /// or after a breath that `advanceRounds` would bridge (heard in this slot less than
    /// ``handOverPause`` before, and before the end by less than that). A time-up chime then
    /// sounds within a hop of the audio that calls for it instead of the detector's look-ahead
    /// (up to 290 ms) later. Final decisions hold at least what `leading` says (so their quiet
    /// spells are no longer), so `advanceRounds` reaches the same verdict when those frames come
    /// and finds it made: the events are the same, only earlier.
    mutating func anticipateRounds(_ frame: ActivityFrame, emit: (TrackerOutput) -> Void) {
        let heard = frame.leadingStart
        let hop = Int64(frame.length)
        guard let owner = slot.owner(participantCount: plan.participants.count) else { return }
        let ownerHeard = isSpeaking(participant: owner, in: frame.leading)
        let last = slot.ownerLastLeading
        if ownerHeard { slot.ownerLastLeading = heard + hop }
        guard !slot.paused else { return }
        if !slot.warned && heard >= slot.warningAt {
            slot.warned = true
            emit(.event(FacilitationEvent(kind: .warning, start: slot.warningAt, participants: [owner])))
        }
        guard !slot.overrunning, heard >= slot.plannedEnd, ownerHeard else { return }
        let firstHop = heard - hop < slot.plannedEnd
        let breath =
            last > slot.start && heard - last < handOverPauseFrames && slot.plannedEnd - last < handOverPauseFrames
        guard firstHop || breath else { return }
        slot.overrunning = true
        emit(.event(FacilitationEvent(kind: .overrun, start: slot.plannedEnd, participants: [owner])))
    }

    /// How long an overrunning owner must be quiet before the slot passes on: longer than a
    /// breath between sentences.
    public static let handOverPause: Double = 1.0

    var handOverPauseFrames: Int64 { Int64(Self.handOverPause * Double(sampleRate)) }

    /// Whether `participant` is heard in this frame: on their own channel, or (one shared
    /// microphone) anyone speaking at all.
    func isSpeaking(participant: Int, in speaking: ChannelSet) -> Bool {
        guard perPersonChannels else { return !speaking.isEmpty }
        let channel = channelOfParticipant[participant]
        return channel >= 0 && speaking.contains(channel: channel)
    }

    mutating func nextSlot(at t: Int64, plannedEnd: Int64, emit: (TrackerOutput) -> Void) {
        let count = plan.participants.count
        guard slot.index < count else { return }
        emit(.turn(Turn(holder: slot.index, start: slot.start, end: t, plannedEnd: slot.plannedEnd)))
        slot.startSlot(index: slot.index + 1, at: t, plannedEnd: max(plannedEnd, t), warning: warningFrames)
    }

    // MARK: - Facilitator controls (rounds)

    /// Ends the current slot now and starts the next one, with its full length ("next").
    public mutating func advance(emit: (TrackerOutput) -> Void) {
        guard plan.mode == .rounds else { return }
        // Speech running across the change is the new owner's from the next frame on.
        nextSlot(at: position, plannedEnd: position + slotFrames, emit: emit)
    }

    /// Gives the current slot `seconds` more ("extend").
    public mutating func extend(bySeconds seconds: Double) {
        guard plan.mode == .rounds, slot.index < plan.participants.count, seconds > 0 else { return }
        let extra = Int64((seconds * Double(sampleRate)).rounded())
        slot.plannedEnd += extra
        slot.warningAt += extra
        if slot.warningAt > position && warningFrames > 0 { slot.warned = false }
        slot.overrunning = false
    }

    /// Pauses or resumes the slot clock ("pause"/"resume"). Speech while paused is the room's.
    public mutating func setPaused(_ paused: Bool) {
        guard plan.mode == .rounds else { return }
        slot.paused = paused
    }

    /// Whether the rounds clock is paused.
    public var isPaused: Bool { slot.paused }
}
