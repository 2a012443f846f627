import Facilitation
import MeetingStore

/// Collects the tracker's outputs and writes them to the store in batches, one transaction
/// per batch, so a crash loses at most one batch.
struct MeetingRecorder {
    let store: MeetingStore
    let meetingID: Int64
    private(set) var segments: [SpeechSegment] = []
    private(set) var events: [FacilitationEvent] = []
    private(set) var turns: [Turn] = []
    /// Batches written so far (one transaction each).
    private(set) var flushCount = 0

    init(store: MeetingStore, meetingID: Int64) {
        self.store = store
        self.meetingID = meetingID
        segments.reserveCapacity(256)
        events.reserveCapacity(64)
        turns.reserveCapacity(16)
    }

    var isEmpty: Bool { segments.isEmpty && events.isEmpty && turns.isEmpty }

    mutating func record(_ output: TrackerOutput) {
        switch output {
        case .segment(let segment): segments.append(segment)
        case .event(let event): events.append(event)
        case .turn(let turn): turns.append(turn)
        case .arrival: break  // attendance is written with the meeting's end
        }
    }

    /// Writes what is pending in one transaction.
    mutating func flush() throws {
        guard !isEmpty else { return }
        try store.append(meetingID: meetingID, segments: segments, events: events, turns: turns)
        segments.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
        turns.removeAll(keepingCapacity: true)
        flushCount += 1
    }
}
