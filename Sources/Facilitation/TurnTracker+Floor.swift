import VoiceActivity

/// Who holds the floor, and the cross-talk in progress (one microphone per person).
struct FloorState: Sendable {
    /// Participant holding the floor, -1 before anyone took it.
    var holder = -1
    var turnStart: Int64 = 0
    var overrunFlagged = false
    /// Participant currently speaking alone and how long (silence neither adds nor resets).
    var candidate = -1
    var candidateStart: Int64 = 0
    var candidateFrames: Int64 = 0
    /// Cross-talk run in progress: start (-1 when none) and everyone heard in it.
    var overlapStart: Int64 = -1
    var overlapMembers: UInt64 = 0
    var overlapHolder = -1
    /// The last cross-talk long enough to count, for deciding whether a floor change that
    /// follows it is an interruption.
    var lastCrossTalkStart: Int64 = -1
    var lastCrossTalkEnd: Int64 = -1
    var lastCrossTalkMembers: UInt64 = 0
    var lastCrossTalkHolder = -1
}

extension TurnTracker {
    /// How soon after cross-talk ends a floor change still counts as an interruption.
    var interruptionWindow: Int64 { floorFrames + Int64(sampleRate) }

    mutating func updateFloor(
        at t: Int64, speaking: ChannelSet, frameLength: Int64, emit: (TrackerOutput) -> Void
    ) {
        var speakers: UInt64 = 0
        var count = 0
        var only = -1
        for channel in 0..<channelCount where speaking.contains(channel: channel) {
            let who = ownerOfChannel[channel]
            guard who >= 0 else { continue }
            speakers |= 1 << UInt64(who)
            count += 1
            only = who
        }
        updateCrossTalk(at: t, speakers: speakers, count: count, emit: emit)
        if count == 1 {
            if floor.candidate != only {
                floor.candidate = only
                floor.candidateStart = t
                floor.candidateFrames = 0
            }
            floor.candidateFrames += frameLength
            if floor.candidateFrames >= floorFrames && floor.holder != only {
                changeFloor(to: only, at: floor.candidateStart, emit: emit)
            }
        } else if count > 1 {
            floor.candidate = -1
        }
        checkOpenFloorOverrun(at: t, speakers: speakers, emit: emit)
    }

    mutating func changeFloor(to newHolder: Int, at t: Int64, emit: (TrackerOutput) -> Void) {
        let previous = floor.holder
        if previous >= 0 && plan.mode == .open {
            emit(.turn(Turn(holder: previous, start: floor.turnStart, end: max(t, floor.turnStart))))
        }
        if previous >= 0 && wasInterruption(by: newHolder, of: previous, at: t) {
            emit(.event(FacilitationEvent(
                kind: .interruption, start: floor.lastCrossTalkStart, participants: [newHolder, previous])))
            floor.lastCrossTalkEnd = -1
        }
        floor.holder = newHolder
        floor.turnStart = max(t, floor.turnStart)
        floor.overrunFlagged = false
    }

    /// The floor passed from `previous` to `newHolder` during, or soon after, cross-talk
    /// between the two of them that began while `previous` held the floor.
    func wasInterruption(by newHolder: Int, of previous: Int, at t: Int64) -> Bool {
        let members: UInt64 = (1 << UInt64(newHolder)) | (1 << UInt64(previous))
        if floor.overlapStart >= 0, floor.overlapHolder == previous,
            floor.overlapMembers & members == members, t - floor.overlapStart >= crossTalkFrames
        {
            return true
        }
        guard floor.lastCrossTalkEnd >= 0, floor.lastCrossTalkHolder == previous else { return false }
        return floor.lastCrossTalkMembers & members == members
            && t <= floor.lastCrossTalkEnd + interruptionWindow
    }

    mutating func updateCrossTalk(at t: Int64, speakers: UInt64, count: Int, emit: (TrackerOutput) -> Void) {
        if count >= 2 {
            if floor.overlapStart < 0 {
                floor.overlapStart = t
                floor.overlapMembers = 0
                floor.overlapHolder = floor.holder
            }
            floor.overlapMembers |= speakers
        } else if floor.overlapStart >= 0 {
            closeCrossTalk(at: t, emit: emit)
        }
    }

    /// Ends the cross-talk run in progress at `t`, emitting it if it lasted long enough.
    mutating func closeCrossTalk(at t: Int64, emit: (TrackerOutput) -> Void) {
        let start = floor.overlapStart
        guard start >= 0 else { return }
        floor.overlapStart = -1
        guard t - start >= crossTalkFrames else { return }
        let members = floor.overlapMembers
        let who = (0..<plan.participants.count).filter { members & (1 << UInt64($0)) != 0 }
        emit(.event(FacilitationEvent(kind: .crossTalk, start: start, end: t, participants: who)))
        floor.lastCrossTalkStart = start
        floor.lastCrossTalkEnd = t
        floor.lastCrossTalkMembers = members
        floor.lastCrossTalkHolder = floor.overlapHolder
    }

    /// Open floor: one turn longer than the longest allowed monologue, flagged once per turn
    /// when the holder is heard past that length.
    mutating func checkOpenFloorOverrun(at t: Int64, speakers: UInt64, emit: (TrackerOutput) -> Void) {
        guard plan.mode == .open, floor.holder >= 0, !floor.overrunFlagged else { return }
        guard t - floor.turnStart >= maxTurnFrames, speakers & (1 << UInt64(floor.holder)) != 0 else { return }
        floor.overrunFlagged = true
        emit(.event(FacilitationEvent(kind: .overrun, start: t, participants: [floor.holder])))
    }
}
