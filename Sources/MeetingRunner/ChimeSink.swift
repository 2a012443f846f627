import Facilitation

/// Which cue to sound.
public enum ChimeKind: String, Sendable, CaseIterable {
    /// Soft two-tone: the slot ends soon.
    case warning
    /// Clear bell: the time is up (an overrun).
    case timeUp
    /// Low tick: people are talking over each other (optional).
    case crossTalk
}

/// Something that sounds chimes: ALSA playback in the room, a recorder in tests.
///
/// Called on the meeting's consumer thread as soon as the tracker emits the event: for a
/// warning or the end of a slot, within a hop or two of the audio it refers to (the tracker
/// takes those cues from the detector's look-ahead). Must return quickly: play on a thread of
/// its own.
public protocol ChimeSink: AnyObject, Sendable {
    /// Sounds `kind` for the event at audio frame `atFrame`. `decidedAfter` is how much audio
    /// (seconds) had been read past `atFrame` when the chime was asked for: the cue's lateness
    /// so far, before any playback delay.
    func chime(_ kind: ChimeKind, atFrame: Int64, decidedAfter: Double)
}

/// Which events chime: warning and overrun always (when chimes are on), cross-talk on request.
public struct ChimePolicy: Sendable, Equatable {
    public var warning: Bool
    public var timeUp: Bool
    public var crossTalk: Bool

    public init(warning: Bool = true, timeUp: Bool = true, crossTalk: Bool = false) {
        self.warning = warning
        self.timeUp = timeUp
        self.crossTalk = crossTalk
    }

    /// The chime for an event of `kind`, or `nil` for none.
    public func chime(for kind: EventKind) -> ChimeKind? {
        switch kind {
        case .warning: return warning ? .warning : nil
        case .overrun: return timeUp ? .timeUp : nil
        case .crossTalk: return crossTalk ? .crossTalk : nil
        case .interruption, .deviceTrouble: return nil
        }
    }
}
