import GRDB

/// A row of `event_participant`: the `ordinal`-th participant an event names.
struct EventParticipantRecord: StoredRecord, Equatable {
    static let databaseTableName = "event_participant"

    var eventId: Int64
    var ordinal: Int
    var meetingId: Int64
    var position: Int

    enum Columns {
        static let eventId = Column("event_id")
        static let meetingId = Column("meeting_id")
        static let ordinal = Column("ordinal")
    }
}
