import Facilitation
import TestSupport
import VoiceActivity

/// Everything a tracker emitted over a script, sorted by kind.
struct TrackerRun {
    var segments: [SpeechSegment] = []
    var events: [FacilitationEvent] = []
    var turns: [Turn] = []
    var arrivals: [Attendance] = []
    var tracker: TurnTracker

    init(plan: MeetingPlan, channels: Int, script: ActivityScript, duration: Double) throws {
        var tracker = try TurnTracker(plan: plan, sampleRate: script.sampleRate, channelCount: channels)
        var outputs: [TrackerOutput] = []
        for frame in script.frames(duration: duration) {
            tracker.process(frame) { outputs.append($0) }
        }
        tracker.finish(at: script.frame(duration)) { outputs.append($0) }
        self.tracker = tracker
        for output in outputs { collect(output) }
    }

    mutating func collect(_ output: TrackerOutput) {
        switch output {
        case .segment(let s): segments.append(s)
        case .event(let e): events.append(e)
        case .turn(let t): turns.append(t)
        case .arrival(let a): arrivals.append(a)
        }
    }

    func events(_ kind: EventKind) -> [FacilitationEvent] { events.filter { $0.kind == kind } }

    /// Total speech frames credited to a participant (`nil` = the room).
    func speechFrames(of participant: Int?) -> Int64 {
        segments.filter { $0.participant == participant }.reduce(0) { $0 + $1.length }
    }
}

func people(_ names: String...) -> [Participant] { names.map { Participant(name: $0) } }
