import Facilitation
import GRDB

/// A row of `attendance`: when a participant arrived and left, in sample frames.
struct AttendanceRecord: StoredRecord, Equatable {
    static let databaseTableName = "attendance"

    var id: Int64?
    var meetingId: Int64
    var position: Int
    var arrivedAtFrame: Int64?
    var leftAtFrame: Int64?

    enum Columns {
        static let id = Column("id")
        static let meetingId = Column("meeting_id")
    }

    init(meetingId: Int64, _ attendance: Attendance) {
        self.meetingId = meetingId
        self.position = attendance.participant
        self.arrivedAtFrame = attendance.arrivedAt
        self.leftAtFrame = attendance.leftAt
    }

    var attendance: Attendance {
        Attendance(participant: position, arrivedAt: arrivedAtFrame, leftAt: leftAtFrame)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
