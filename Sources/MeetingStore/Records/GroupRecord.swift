import GRDB

/// A row of `meeting_group`: a group that meets more than once.
struct GroupRecord: StoredRecord, Equatable {
    static let databaseTableName = "meeting_group"

    var id: Int64?
    var name: String

    enum Columns {
        static let id = Column("id")
        static let name = Column("name")
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
