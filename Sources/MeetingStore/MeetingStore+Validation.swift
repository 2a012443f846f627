import Facilitation

extension MeetingStore {
    /// Checks that a log can be stored: a positive sample rate, distinct participant names,
    /// and every participant index within the plan.
    static func validate(_ log: MeetingLog) throws {
        guard log.sampleRate > 0 else {
            throw MeetingStoreError.invalidLog("the sample rate is \(log.sampleRate); it must be positive")
        }
        var seen = Set<String>()
        for participant in log.participants where !seen.insert(participant.name).inserted {
            throw MeetingStoreError.invalidLog("the name \"\(participant.name)\" is given to two participants")
        }
        try validate(
            segments: log.segments, events: log.events, turns: log.turns, attendance: log.attendance,
            participantCount: log.participants.count)
    }

    /// Checks that every participant index is below `participantCount`.
    static func validate(
        segments: [SpeechSegment], events: [FacilitationEvent], turns: [Turn], attendance: [Attendance],
        participantCount: Int
    ) throws {
        func check(_ index: Int, _ what: String) throws {
            guard (0..<participantCount).contains(index) else {
                throw MeetingStoreError.invalidLog(
                    "\(what) names participant \(index), but the plan has \(participantCount) participant(s)")
            }
        }
        for segment in segments {
            if let index = segment.participant { try check(index, "a speech segment") }
        }
        for turn in turns { try check(turn.holder, "a turn") }
        for event in events {
            for index in event.participants { try check(index, "a \(event.kind.rawValue) event") }
        }
        for entry in attendance { try check(entry.participant, "an attendance entry") }
    }
}
