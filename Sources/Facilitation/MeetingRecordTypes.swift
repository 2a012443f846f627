import Foundation

/// A stretch of speech credited to one participant (or to the room as a whole).
///
/// Times are sample frames from the start of the meeting's audio.
public struct SpeechSegment: Codable, Sendable, Hashable {
    /// Index into the meeting's participants; `nil` = the room as a whole (one microphone,
    /// open floor: energy alone cannot tell who spoke).
    public var participant: Int?
    /// The input channel the speech was heard on.
    public var channel: Int
    public var start: Int64
    public var end: Int64

    public init(participant: Int?, channel: Int, start: Int64, end: Int64) {
        self.participant = participant
        self.channel = channel
        self.start = start
        self.end = end
    }

    public var length: Int64 { end - start }
}

/// What the tracker noticed.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    /// A slot is about to end (rounds).
    case warning
    /// The turn holder is still speaking past their slot (rounds) or past the longest allowed
    /// turn (open floor).
    case overrun
    /// Two or more participants spoke at once for long enough. Has an end.
    case crossTalk
    /// Cross-talk after which the floor changed hands. `participants[0]` interrupted
    /// `participants[1]`.
    case interruption
    /// The audio device had trouble (an overrun recovered, a device gone and back); `detail`
    /// says what, `end` closes a gap in the audio.
    case deviceTrouble
}

/// A timed event, in sample frames.
public struct FacilitationEvent: Codable, Sendable, Hashable {
    public var kind: EventKind
    public var start: Int64
    /// End of an event with a duration (cross-talk); `nil` for instants.
    public var end: Int64?
    /// Participant indices involved: the slot owner / turn holder for warning and overrun;
    /// everyone speaking for cross-talk; [interrupter, interrupted] for interruption.
    public var participants: [Int]
    /// A short note for people, e.g. which device failed how; `nil` for the tracker's events.
    public var detail: String?

    public init(kind: EventKind, start: Int64, end: Int64? = nil, participants: [Int], detail: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.participants = participants
        self.detail = detail
    }
}

/// One turn: a slot in rounds, a hold of the floor in open mode.
public struct Turn: Codable, Sendable, Hashable {
    /// Participant index of the turn holder.
    public var holder: Int
    public var start: Int64
    public var end: Int64
    /// Where the slot was planned to end (rounds); `nil` in open floor.
    public var plannedEnd: Int64?

    public init(holder: Int, start: Int64, end: Int64, plannedEnd: Int64? = nil) {
        self.holder = holder
        self.start = start
        self.end = end
        self.plannedEnd = plannedEnd
    }
}

/// When a participant arrived (first speech or a facilitator's mark) and left.
public struct Attendance: Codable, Sendable, Hashable {
    public var participant: Int
    public var arrivedAt: Int64?
    public var leftAt: Int64?

    public init(participant: Int, arrivedAt: Int64?, leftAt: Int64? = nil) {
        self.participant = participant
        self.arrivedAt = arrivedAt
        self.leftAt = leftAt
    }
}

/// Whether a meeting finished cleanly.
public enum MeetingStatus: String, Codable, Sendable {
    /// Still running (or a crash left it so until the next start marks it interrupted).
    case running
    case finished
    /// The program stopped before the meeting ended; its data up to then is kept.
    case interrupted
}

/// Everything known about one meeting: what is stored and what reports are made from.
/// Only timings, never audio.
public struct MeetingLog: Codable, Sendable, Equatable {
    /// Database id; `nil` before it is stored.
    public var id: Int64?
    /// Wall-clock start, as stamped when the meeting began.
    public var startedAt: Date
    /// Sample rate of the audio the frame counts refer to.
    public var sampleRate: Int
    /// Length of the audio heard, in sample frames.
    public var durationFrames: Int64
    /// What the audio came from: a file name or a device name.
    public var source: String
    public var status: MeetingStatus
    public var group: String?
    public var facilitator: String?
    public var plan: MeetingPlan
    public var segments: [SpeechSegment]
    public var events: [FacilitationEvent]
    public var turns: [Turn]
    public var attendance: [Attendance]

    public init(
        id: Int64? = nil, startedAt: Date, sampleRate: Int, durationFrames: Int64, source: String,
        status: MeetingStatus = .finished, group: String? = nil, facilitator: String? = nil,
        plan: MeetingPlan, segments: [SpeechSegment] = [], events: [FacilitationEvent] = [],
        turns: [Turn] = [], attendance: [Attendance] = []
    ) {
        self.id = id
        self.startedAt = startedAt
        self.sampleRate = sampleRate
        self.durationFrames = durationFrames
        self.source = source
        self.status = status
        self.group = group
        self.facilitator = facilitator
        self.plan = plan
        self.segments = segments
        self.events = events
        self.turns = turns
        self.attendance = attendance
    }

    public var mode: MeetingMode { plan.mode }
    public var participants: [Participant] { plan.participants }
    public var durationSeconds: Double { seconds(durationFrames) }

    /// Converts a frame count of this meeting's audio to seconds.
    public func seconds(_ frames: Int64) -> Double { Double(frames) / Double(sampleRate) }
}
