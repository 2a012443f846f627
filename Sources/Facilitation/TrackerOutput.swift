/// Something the tracker decided, emitted as soon as it is final.
public enum TrackerOutput: Sendable, Hashable {
    /// A closed stretch of speech.
    case segment(SpeechSegment)
    /// A warning, overrun, cross-talk or interruption.
    case event(FacilitationEvent)
    /// A closed turn (a slot in rounds, a hold of the floor in open mode).
    case turn(Turn)
    /// A participant's arrival (first speech or a facilitator's mark).
    case arrival(Attendance)
}
