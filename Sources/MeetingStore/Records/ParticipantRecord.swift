import GRDB

/// A row of `participant`: a person, member of at most one group.
struct ParticipantRecord: StoredRecord, Equatable {
    static let databaseTableName = "participant"

    var id: Int64?
    var groupId: Int64?
    var name: String

    enum Columns {
        static let id = Column("id")
        static let groupId = Column("group_id")
        static let name = Column("name")
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
