import Facilitation
import GRDB

/// A row of `event`: what the tracker noticed, in sample frames. The participants it names
/// are rows of `event_participant`.
struct EventRecord: StoredRecord, Equatable {
    static let databaseTableName = "event"

    var id: Int64?
    var meetingId: Int64
    var kind: EventKind
    var startFrame: Int64
    var endFrame: Int64?
    var detail: String?

    enum Columns {
        static let id = Column("id")
        static let meetingId = Column("meeting_id")
    }

    init(meetingId: Int64, _ event: FacilitationEvent) {
        self.meetingId = meetingId
        self.kind = event.kind
        self.startFrame = event.start
        self.endFrame = event.end
        self.detail = event.detail
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
