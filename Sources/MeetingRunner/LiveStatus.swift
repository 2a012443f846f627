import Facilitation

/// A live meeting as a view shows it: made on the consumer thread at each tick.
public struct LiveStatus: Sendable, Equatable {
    public var names: [String]
    public var mode: MeetingMode
    public var sampleRate: Int
    /// Audio heard so far, in frames.
    public var position: Int64
    public var turn: TurnStatus
    /// Each participant's speech so far, including speech in progress, in frames.
    public var spokenFrames: [Int64]
    /// One person's equal share: the slot (rounds), or the time so far (or the planned
    /// meeting length) divided equally (open floor).
    public var shareFrames: Int64
    /// Events so far, per kind.
    public var eventCounts: [EventKind: Int]
    /// Detector decisions dropped because the program fell behind.
    public var droppedFrames: Int
    /// Batches written to the database.
    public var batches: Int

    public init(
        names: [String], mode: MeetingMode, sampleRate: Int, position: Int64, turn: TurnStatus,
        spokenFrames: [Int64], shareFrames: Int64, eventCounts: [EventKind: Int] = [:], droppedFrames: Int = 0,
        batches: Int = 0
    ) {
        self.names = names
        self.mode = mode
        self.sampleRate = sampleRate
        self.position = position
        self.turn = turn
        self.spokenFrames = spokenFrames
        self.shareFrames = shareFrames
        self.eventCounts = eventCounts
        self.droppedFrames = droppedFrames
        self.batches = batches
    }

    /// Converts frames of this meeting's audio to seconds.
    public func seconds(_ frames: Int64) -> Double { Double(frames) / Double(max(sampleRate, 1)) }

    /// Time the turn holder has used in this turn, in seconds.
    public var turnUsedSeconds: Double { seconds(max(0, position - turn.turnStart)) }

    /// Time left in the slot (negative once over), in seconds; `nil` in open floor.
    public var turnLeftSeconds: Double? { turn.plannedEnd.map { seconds($0 - position) } }
}

/// What a live run tells its observer, on the consumer thread.
public enum LiveUpdate: Sendable {
    /// A tracker output (or a device-trouble event), as it happened.
    case output(TrackerOutput)
    /// The state of the meeting, at each tick (for redrawing a view).
    case status(LiveStatus)
    /// A facilitator's command was applied; `reply` is the answer line.
    case control(FacilitatorCommand, reply: String)
    /// A batch reached the database (`batches` so far).
    case flushed(batches: Int)
}

extension MeetingSession {
    /// The meeting now, for a live view.
    func liveStatus(droppedFrames: Int) -> LiveStatus {
        let turn = tracker.status
        let position = tracker.position
        var spoken = spokenFrames
        for (who, since) in turn.speakingSince.enumerated() {
            if let since { spoken[who] += max(0, position - since) }
        }
        let plan = tracker.plan
        let count = Int64(max(plan.participants.count, 1))
        let rate = Double(sampleRate)
        let share: Int64
        if plan.mode == .rounds, let slot = plan.effectiveSlotLength {
            share = Int64(slot * rate)
        } else if let length = plan.meetingLength {
            share = Int64(length * rate) / count
        } else {
            share = position / count
        }
        return LiveStatus(
            names: names, mode: plan.mode, sampleRate: sampleRate, position: position, turn: turn,
            spokenFrames: spoken, shareFrames: share, eventCounts: eventCounts, droppedFrames: droppedFrames,
            batches: recorder.flushCount)
    }
}
