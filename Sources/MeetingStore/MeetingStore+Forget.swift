import Facilitation
import GRDB

/// What `forget` deleted, for telling the person who asked.
public struct ForgottenRecords: Sendable, Equatable {
    /// The meetings deleted, by id, oldest id first.
    public var meetings: [Int64]
    /// The people deleted: members of the forgotten group, or people outside any group who
    /// were in no other meeting.
    public var people: [String]
    /// The group deleted, if a whole group was forgotten.
    public var group: String?

    public init(meetings: [Int64], people: [String], group: String?) {
        self.meetings = meetings
        self.people = people
        self.group = group
    }
}

// MARK: - Forgetting, so that nothing remains on disk

extension MeetingStore {
    /// Deletes one meeting (its timings, attendance and events with it), and people outside
    /// any group who took part in no other meeting; then rewrites the file so nothing of them
    /// remains on disk (see ``vacuumAfterDeleting(_:)``).
    ///
    /// Throws ``MeetingStoreError/meetingNotFound(_:)`` when there is no such meeting.
    public func forgetMeeting(id: Int64) throws -> ForgottenRecords {
        try vacuumAfterDeleting { db in
            guard try MeetingRecord.exists(db, key: id) else { throw MeetingStoreError.meetingNotFound(id) }
            let people = try Self.participantIDs(meetingIDs: [id], db)
            _ = try MeetingRecord.deleteOne(db, key: id)
            let removed = try Self.deleteUnusedPeople(people, onlyOutsideGroups: true, db)
            return ForgottenRecords(meetings: [id], people: removed, group: nil)
        }
    }

    /// Deletes a group's whole history: its meetings, its members (a member belongs to one
    /// group: the same name in another group is another person and stays) and the group;
    /// then rewrites the file so nothing of it remains on disk. `nil` when there is no such
    /// group (nothing is changed).
    public func forgetGroup(named name: String) throws -> ForgottenRecords? {
        try vacuumAfterDeleting { db in
            guard let group = try GroupRecord.filter(GroupRecord.Columns.name == name).fetchOne(db),
                let groupID = group.id
            else { return nil }
            let meetings = try MeetingRecord.filter(MeetingRecord.Columns.groupId == groupID)
                .order(MeetingRecord.Columns.id).select(MeetingRecord.Columns.id, as: Int64.self).fetchAll(db)
            let members = try ParticipantRecord.filter(ParticipantRecord.Columns.groupId == groupID)
                .order(ParticipantRecord.Columns.id).fetchAll(db).compactMap(\.id)
            let people = members + (try Self.participantIDs(meetingIDs: meetings, db)).filter { !members.contains($0) }
            _ = try MeetingRecord.filter(keys: meetings).deleteAll(db)
            let removed = try Self.deleteUnusedPeople(people, onlyOutsideGroups: false, db)
            _ = try GroupRecord.deleteOne(db, key: groupID)
            return ForgottenRecords(meetings: meetings, people: removed, group: name)
        }
    }

    /// Runs `deletions` in one transaction with SQLite's `secure_delete` on (deleted content
    /// is overwritten with zeros), then `VACUUM` (the file is rewritten without free pages)
    /// and a truncating WAL checkpoint (the `-wal` file, which held copies of the old pages,
    /// is emptied). Afterwards the deleted names are nowhere in the file or its companions.
    func vacuumAfterDeleting<T>(_ deletions: (Database) throws -> T) throws -> T {
        try MeetingStoreError.mapping(location) {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                var result: T?
                try db.inTransaction {
                    result = try deletions(db)
                    return .commit
                }
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                guard let result else {
                    throw MeetingStoreError.database(path: location, message: "the deletion returned nothing")
                }
                return result
            }
        }
    }

    /// The participant ids of the given meetings, without repeats, in id order.
    static func participantIDs(meetingIDs: [Int64], _ db: Database) throws -> [Int64] {
        guard !meetingIDs.isEmpty else { return [] }
        return try MeetingParticipantRecord.filter(meetingIDs.contains(MeetingParticipantRecord.Columns.meetingId))
            .select(MeetingParticipantRecord.Columns.participantId, as: Int64.self).distinct()
            .fetchAll(db).sorted()
    }

    /// Deletes the people among `ids` who are in no meeting any more (and, when
    /// `onlyOutsideGroups`, belong to no group); returns their names.
    static func deleteUnusedPeople(_ ids: [Int64], onlyOutsideGroups: Bool, _ db: Database) throws -> [String] {
        var names: [String] = []
        for id in ids {
            guard let person = try ParticipantRecord.fetchOne(db, key: id) else { continue }
            if onlyOutsideGroups && person.groupId != nil { continue }
            let inUse = try MeetingParticipantRecord.filter(MeetingParticipantRecord.Columns.participantId == id)
                .fetchCount(db)
            guard inUse == 0 else { continue }
            _ = try ParticipantRecord.deleteOne(db, key: id)
            names.append(person.name)
        }
        return names
    }
}
