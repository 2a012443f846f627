import VoiceActivity

/// Follows a meeting one detector decision at a time: who holds the turn, whose speech it is,
/// and when to warn, flag an overrun, cross-talk or an interruption.
///
/// A pure value type: no clock, no I/O. Time is the audio's, in sample frames, taken from the
/// `ActivityFrame`s fed in; timers (warnings, slot ends) fire on those frames, so the same
/// tracker runs live and offline. Outputs are emitted as soon as they are final.
///
/// Attribution: with one microphone, speech in a rounds slot is its owner's and open-floor
/// speech is the room's (`participant == nil`); with one microphone per person, speech on a
/// channel is that channel's owner's (channels nobody owns are ignored).
///
/// Arrival: a person's first speech on their own microphone, or the facilitator's mark. On a
/// shared microphone only marks count, since the voice could be anyone's.
public struct TurnTracker: Sendable {
    public let plan: MeetingPlan
    public let sampleRate: Int
    public let channelCount: Int

    // Plan, in frames.
    let slotFrames: Int64
    let warningFrames: Int64
    let maxTurnFrames: Int64
    let crossTalkFrames: Int64
    let floorFrames: Int64
    /// Participant index for each channel, -1 where nobody owns the channel.
    let ownerOfChannel: [Int]
    /// Channel of each participant, -1 with one shared microphone.
    let channelOfParticipant: [Int]
    /// True when each person has their own microphone.
    let perPersonChannels: Bool

    /// Frame position reached so far (end of the last frame processed).
    public private(set) var position: Int64 = 0

    // Segments: one open run per channel.
    var runStart: [Int64]
    var runParticipant: [Int]  // -1 = the room

    // Attendance.
    var arrivedAt: [Int64?]

    // Rounds.
    var slot = SlotState()

    // Open floor and cross-talk (per-person channels).
    var floor = FloorState()

    public init(plan: MeetingPlan, sampleRate: Int, channelCount: Int) throws(FacilitationError) {
        try Self.validate(plan, channelCount: channelCount)
        self.plan = plan
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        let rate = Double(sampleRate)
        func frames(_ seconds: Double) -> Int64 { Int64((seconds * rate).rounded()) }
        self.slotFrames = plan.effectiveSlotLength.map(frames) ?? 0
        self.warningFrames = frames(plan.warningBefore)
        self.maxTurnFrames = frames(plan.maxTurn)
        self.crossTalkFrames = max(1, frames(plan.crossTalkMinimum))
        self.floorFrames = max(1, frames(plan.floorMinimum))
        let channelOf = Self.channelAssignment(plan, channelCount: channelCount)
        var owner = Array(repeating: -1, count: channelCount)
        for (index, channel) in channelOf.enumerated() where channel >= 0 { owner[channel] = index }
        let perPerson = channelCount > 1 || plan.participants.contains { $0.channel != nil }
        self.ownerOfChannel = owner
        self.channelOfParticipant = channelOf
        self.perPersonChannels = perPerson
        self.runStart = Array(repeating: -1, count: channelCount)
        self.runParticipant = Array(repeating: -1, count: channelCount)
        self.arrivedAt = Array(repeating: nil, count: plan.participants.count)
        if plan.mode == .rounds {
            slot.startSlot(index: 0, at: 0, plannedEnd: slotFrames, warning: warningFrames)
        }
    }

    /// Checks that the plan can be followed on audio with `channelCount` channels.
    public static func validate(_ plan: MeetingPlan, channelCount: Int) throws(FacilitationError) {
        guard !plan.participants.isEmpty else { throw .noParticipants }
        guard channelCount <= 64 else { throw .tooManyChannels(channelCount) }
        guard plan.participants.count <= 64 else { throw .tooManyParticipants(plan.participants.count) }
        var seen = Set<String>()
        for person in plan.participants where !seen.insert(person.name).inserted {
            throw .duplicateName(person.name)
        }
        guard plan.warningBefore >= 0 else { throw .nonPositive("the warning time", plan.warningBefore) }
        for (what, value) in [
            ("the longest turn", plan.maxTurn), ("the cross-talk minimum", plan.crossTalkMinimum),
            ("the floor minimum", plan.floorMinimum),
        ] where !(value > 0) {
            throw .nonPositive(what, value)
        }
        if plan.mode == .rounds {
            guard let slot = plan.effectiveSlotLength else { throw .roundsNeedTime }
            guard slot > 0 else { throw .nonPositive("the slot length", slot) }
        }
        var owners: [Int: [String]] = [:]
        let explicit = plan.participants.contains { $0.channel != nil }
        for (index, person) in plan.participants.enumerated() {
            guard let channel = person.channel ?? (!explicit && channelCount > 1 ? index : nil) else { continue }
            guard channel >= 0, channel < channelCount else {
                throw .channelOutOfRange(name: person.name, channel: channel, channelCount: channelCount)
            }
            owners[channel, default: []].append(person.name)
        }
        if let (channel, names) = owners.first(where: { $0.value.count > 1 }) {
            throw .channelShared(channel: channel, names: names)
        }
    }

    /// Each participant's microphone channel, -1 for none. With one microphone per person and
    /// no explicit channels, participant `i` has channel `i`; once any participant has an
    /// explicit channel (a channel map), those without one have none.
    public static func channelAssignment(_ plan: MeetingPlan, channelCount: Int) -> [Int] {
        let explicit = plan.participants.contains { $0.channel != nil }
        return plan.participants.enumerated().map { index, person in
            if let channel = person.channel { return channel }
            return !explicit && channelCount > 1 && index < channelCount ? index : -1
        }
    }

    /// The participant holding the turn now: the slot owner (rounds) or the floor holder
    /// (open); `nil` between rounds, while paused, or before anyone took the floor.
    public var turnHolder: Int? {
        switch plan.mode {
        case .rounds: return slot.paused ? nil : slot.owner(participantCount: plan.participants.count)
        case .open: return floor.holder >= 0 ? floor.holder : nil
        }
    }

    /// Feeds one detector decision. Frames must come in order, back to back.
    public mutating func process(_ frame: ActivityFrame, emit: (TrackerOutput) -> Void) {
        let t = frame.start
        if plan.mode == .rounds {
            if frame.leadingStart > frame.start { anticipateRounds(frame, emit: emit) }
            advanceRounds(to: t, speaking: frame.speaking, frameLength: Int64(frame.length), emit: emit)
        }
        updateSegments(at: t, speaking: frame.speaking, emit: emit)
        if perPersonChannels {
            updateFloor(at: t, speaking: frame.speaking, frameLength: Int64(frame.length), emit: emit)
        }
        position = frame.end
    }

    /// Closes everything still open at `end` (the end of the audio): segments, the current
    /// turn, a cross-talk run long enough to count.
    public mutating func finish(at end: Int64, emit: (TrackerOutput) -> Void) {
        let end = max(end, position)
        for channel in 0..<channelCount where runStart[channel] >= 0 {
            closeRun(channel: channel, at: end, emit: emit)
        }
        closeCrossTalk(at: end, emit: emit)
        switch plan.mode {
        case .rounds:
            if slot.index < plan.participants.count {
                emit(.turn(Turn(holder: slot.index, start: slot.start, end: end, plannedEnd: slot.plannedEnd)))
                slot.index = plan.participants.count
            }
        case .open:
            if floor.holder >= 0 {
                emit(.turn(Turn(holder: floor.holder, start: floor.turnStart, end: end)))
                floor.holder = -1
            }
        }
        position = end
    }

    /// Who arrived when, for every participant (arrival `nil` for anyone not heard or marked).
    public var attendance: [Attendance] {
        arrivedAt.enumerated().map { Attendance(participant: $0.offset, arrivedAt: $0.element) }
    }

    /// Records an arrival marked by the facilitator (kept only if earlier than what is known).
    public mutating func markArrival(of participant: Int, at frame: Int64, emit: (TrackerOutput) -> Void) {
        guard arrivedAt.indices.contains(participant) else { return }
        if let known = arrivedAt[participant], known <= frame { return }
        arrivedAt[participant] = frame
        emit(.arrival(Attendance(participant: participant, arrivedAt: frame)))
    }

    // MARK: - Segments

    /// Whose speech a channel carries right now; -1 = the room, -2 = nobody's (ignored).
    func attribution(ofChannel channel: Int) -> Int {
        if perPersonChannels { return ownerOfChannel[channel] >= 0 ? ownerOfChannel[channel] : -2 }
        return turnHolder ?? -1
    }

    mutating func updateSegments(at t: Int64, speaking: ChannelSet, emit: (TrackerOutput) -> Void) {
        for channel in 0..<channelCount {
            let active = speaking.contains(channel: channel)
            let open = runStart[channel] >= 0
            let who = active ? attribution(ofChannel: channel) : -2
            if open && (!active || who != runParticipant[channel]) {
                closeRun(channel: channel, at: t, emit: emit)
            }
            if active && runStart[channel] < 0 && who != -2 {
                runStart[channel] = t
                runParticipant[channel] = who
                // Only a person's own microphone says they are here; on a shared microphone a
                // slot's speech is credited to its owner but proves nothing about arrival.
                if perPersonChannels && who >= 0 && arrivedAt[who] == nil {
                    arrivedAt[who] = t
                    emit(.arrival(Attendance(participant: who, arrivedAt: t)))
                }
            }
        }
    }

    mutating func closeRun(channel: Int, at t: Int64, emit: (TrackerOutput) -> Void) {
        let start = runStart[channel]
        runStart[channel] = -1
        guard start >= 0, t > start else { return }
        let who = runParticipant[channel]
        emit(.segment(SpeechSegment(participant: who >= 0 ? who : nil, channel: channel, start: start, end: t)))
    }
}
