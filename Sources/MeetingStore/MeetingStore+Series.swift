import Facilitation
import GRDB

/// A group and its stored meetings: what a series report is made from.
public struct GroupHistory: Sendable, Equatable {
    public var name: String
    /// Everyone who has taken part in one of the group's meetings, in the order they joined.
    public var members: [String]
    /// The group's meetings, oldest first (by start, then by id).
    public var meetings: [MeetingLog]

    public init(name: String, members: [String], meetings: [MeetingLog]) {
        self.name = name
        self.members = members
        self.meetings = meetings
    }
}

// MARK: - Reading a group's series

extension MeetingStore {
    /// The names of every group, in alphabetical order.
    public func groupNames() throws -> [String] {
        try read { db in
            try GroupRecord.order(GroupRecord.Columns.name).fetchAll(db).map(\.name)
        }
    }

    /// The group called `name` with its members and meetings (only its `last` meetings when
    /// given), or `nil` when there is no such group.
    public func groupHistory(named name: String, last: Int? = nil) throws -> GroupHistory? {
        let found: (members: [String], ids: [Int64])? = try read { db in
            guard let groupID = try GroupRecord.filter(GroupRecord.Columns.name == name).fetchOne(db)?.id else {
                return nil
            }
            let members = try ParticipantRecord.filter(ParticipantRecord.Columns.groupId == groupID)
                .order(ParticipantRecord.Columns.id).fetchAll(db).map(\.name)
            let ids = try MeetingRecord.filter(MeetingRecord.Columns.groupId == groupID)
                .order(MeetingRecord.Columns.startedAt, MeetingRecord.Columns.id)
                .select(MeetingRecord.Columns.id, as: Int64.self).fetchAll(db)
            return (members, ids)
        }
        guard let found else { return nil }
        let chosen = last.map { Array(found.ids.suffix(max($0, 0))) } ?? found.ids
        // A meeting forgotten between the two reads is simply left out.
        let meetings = try chosen.compactMap { try meeting(id: $0) }
        return GroupHistory(name: name, members: found.members, meetings: meetings)
    }
}
