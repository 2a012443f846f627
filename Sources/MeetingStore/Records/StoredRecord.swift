import GRDB

/// What every record of this store shares: its columns are the snake_case form of its
/// Swift property names (`meetingID` is stored as `meeting_id`).
protocol StoredRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension StoredRecord {
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}
