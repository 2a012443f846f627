import Facilitation
import Foundation
import MeetingStore
import VoiceActivity

/// The half of a meeting after the detector, shared by the offline and the live runner:
/// the tracker, the batches for the store, the facilitator's commands, and the totals a live
/// view shows. Runs on one thread (the caller's offline, the consumer thread live).
struct MeetingSession {
    var tracker: TurnTracker
    var recorder: MeetingRecorder
    let store: MeetingStore
    let sampleRate: Int
    /// Speech in closed segments per participant, in frames (for the live view).
    private(set) var spokenFrames: [Int64]
    /// Events per kind so far.
    private(set) var eventCounts: [EventKind: Int] = [:]

    var meetingID: Int64 { recorder.meetingID }
    var names: [String] { tracker.plan.participants.map(\.name) }

    /// Stores the meeting as running and returns the session that will fill it.
    static func begin(
        setup: MeetingSetup, store: MeetingStore, sampleRate: Int, channelCount: Int, sourceName: String
    ) throws -> MeetingSession {
        let tracker = try TurnTracker(plan: setup.plan, sampleRate: sampleRate, channelCount: channelCount)
        // Stored with each person's microphone spelled out (channel i is participant i's when
        // the plan leaves it implicit), so a report knows the meeting had one microphone each
        // even if nobody spoke.
        var stored = setup.plan
        for (index, channel) in TurnTracker.channelAssignment(setup.plan, channelCount: channelCount).enumerated()
        where channel >= 0 {
            stored.participants[index].channel = channel
        }
        let meetingID: Int64
        do {
            meetingID = try store.beginMeeting(
                MeetingLog(
                    startedAt: setup.startedAt, sampleRate: sampleRate, durationFrames: 0,
                    source: sourceName, status: .running, group: setup.group,
                    facilitator: setup.facilitator, plan: stored))
        } catch {
            throw RunnerError.storeFailed(meetingID: nil, reason: "\(error)")
        }
        return MeetingSession(
            tracker: tracker, recorder: MeetingRecorder(store: store, meetingID: meetingID), store: store,
            sampleRate: sampleRate, spokenFrames: Array(repeating: 0, count: setup.plan.participants.count))
    }

    /// Feeds one detector decision to the tracker; every output is recorded, then observed.
    mutating func handle(_ frame: ActivityFrame, observe: (TrackerOutput) -> Void) {
        var outputs: [TrackerOutput] = []
        tracker.process(frame) { outputs.append($0) }
        for output in outputs { record(output, observe: observe) }
    }

    /// Records an output that did not come from the tracker (device trouble, dropped frames).
    mutating func record(_ output: TrackerOutput, observe: (TrackerOutput) -> Void) {
        switch output {
        case .segment(let segment):
            if let who = segment.participant, spokenFrames.indices.contains(who) {
                spokenFrames[who] += segment.length
            }
        case .event(let event): eventCounts[event.kind, default: 0] += 1
        case .turn, .arrival: break
        }
        recorder.record(output)
        observe(output)
    }

    /// Applies a facilitator's command at the current audio position; returns the reply line.
    mutating func apply(_ command: FacilitatorCommand, observe: (TrackerOutput) -> Void) -> String {
        var outputs: [TrackerOutput] = []
        defer { for output in outputs { record(output, observe: observe) } }
        let isRounds = tracker.plan.mode == .rounds
        switch command {
        case .next:
            guard isRounds else { return "error next works in rounds; in open floor the floor changes by itself" }
            tracker.advance { outputs.append($0) }
            return "ok " + holderText
        case .pause, .resume, .togglePause:
            guard isRounds else { return "error pause works in rounds only" }
            let paused = command == .togglePause ? !tracker.isPaused : command == .pause
            tracker.setPaused(paused)
            return paused ? "ok paused at \(clock(tracker.position))" : "ok resumed: " + holderText
        case .extend(let seconds):
            guard isRounds, tracker.turnHolder != nil else { return "error there is no slot to extend" }
            tracker.extend(bySeconds: seconds)
            return "ok \(names[tracker.turnHolder ?? 0])'s slot extended by \(DurationText.format(seconds))"
        case .arrive(let name):
            guard let who = participant(named: name) else {
                if let name {
                    return "error nobody called \(name) is in this meeting (\(names.joined(separator: ", ")))"
                }
                return "error everyone has already arrived"
            }
            tracker.markArrival(of: who, at: tracker.position) { outputs.append($0) }
            return "ok \(names[who]) arrived at \(clock(tracker.position))"
        case .status:
            return "ok " + holderText + " at \(clock(tracker.position))"
        case .end:
            return "ok ending the meeting at \(clock(tracker.position))"
        }
    }

    /// The participant a mark means: by name (any case), or the first not yet arrived.
    func participant(named name: String?) -> Int? {
        if let name {
            return names.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
        }
        return tracker.attendance.first { $0.arrivedAt == nil }?.participant
    }

    var holderText: String {
        if tracker.isPaused { return "paused" }
        guard let holder = tracker.turnHolder else {
            return tracker.plan.mode == .rounds ? "the round is over" : "nobody holds the floor"
        }
        return "\(names[holder])'s turn"
    }

    /// `m:ss` of audio time at `frame`.
    func clock(_ frame: Int64) -> String {
        let seconds = Int(frame / Int64(max(sampleRate, 1)))
        return "\(seconds / 60):" + String(format: "%02d", seconds % 60)
    }

    /// Writes what is pending in one transaction.
    mutating func flush() throws {
        do {
            try recorder.flush()
        } catch {
            throw RunnerError.storeFailed(meetingID: meetingID, reason: "\(error)")
        }
    }

    /// Closes the tracker at `end` (the end of the audio heard), writes the last batch and
    /// records how the meeting ended with its attendance.
    mutating func close(at end: Int64, status: MeetingStatus, observe: (TrackerOutput) -> Void) throws {
        var outputs: [TrackerOutput] = []
        tracker.finish(at: end) { outputs.append($0) }
        for output in outputs { record(output, observe: observe) }
        try flush()
        do {
            try store.finishMeeting(
                id: meetingID, durationFrames: end, status: status, attendance: tracker.attendance)
        } catch {
            throw RunnerError.storeFailed(meetingID: meetingID, reason: "\(error)")
        }
    }
}
