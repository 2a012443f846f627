import Facilitation
import GRDB

/// A row of `turn`: a slot (rounds) or a hold of the floor (open), in sample frames.
struct TurnRecord: StoredRecord, Equatable {
    static let databaseTableName = "turn"

    var id: Int64?
    var meetingId: Int64
    var holderPosition: Int
    var startFrame: Int64
    var endFrame: Int64
    var plannedEndFrame: Int64?

    enum Columns {
        static let id = Column("id")
        static let meetingId = Column("meeting_id")
    }

    init(meetingId: Int64, _ turn: Turn) {
        self.meetingId = meetingId
        self.holderPosition = turn.holder
        self.startFrame = turn.start
        self.endFrame = turn.end
        self.plannedEndFrame = turn.plannedEnd
    }

    var turn: Turn {
        Turn(holder: holderPosition, start: startFrame, end: endFrame, plannedEnd: plannedEndFrame)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
