import Facilitation
import GRDB

// MARK: - Reading meetings back

extension MeetingStore {
    /// The stored meeting with this id, or `nil` if there is none.
    ///
    /// Round-trips everything in `MeetingLog` (segments, events, turns and attendance in the
    /// order they were stored), `startedAt` included to the last bit.
    public func meeting(id: Int64) throws -> MeetingLog? {
        try read { db in
            guard let meeting = try MeetingRecord.fetchOne(db, key: id) else { return nil }
            let group = try meeting.groupId.flatMap { try GroupRecord.fetchOne(db, key: $0)?.name }
            let participants = try Self.participants(meetingID: id, db).map {
                Participant(name: $0.name, channel: $0.channel)
            }
            let segments = try SpeechSegmentRecord.filter(SpeechSegmentRecord.Columns.meetingId == id)
                .order(SpeechSegmentRecord.Columns.id).fetchAll(db).map(\.segment)
            let turns = try TurnRecord.filter(TurnRecord.Columns.meetingId == id)
                .order(TurnRecord.Columns.id).fetchAll(db).map(\.turn)
            let attendance = try AttendanceRecord.filter(AttendanceRecord.Columns.meetingId == id)
                .order(AttendanceRecord.Columns.id).fetchAll(db).map(\.attendance)
            return MeetingLog(
                id: id, startedAt: meeting.startedAt, sampleRate: meeting.sampleRate,
                durationFrames: meeting.durationFrames, source: meeting.source, status: meeting.status,
                group: group, facilitator: meeting.facilitator, plan: meeting.plan(participants: participants),
                segments: segments, events: try Self.events(meetingID: id, db), turns: turns,
                attendance: attendance)
        }
    }

    /// The id of the meeting stored last (the highest id), or `nil` when there is none.
    public func latestMeetingID() throws -> Int64? {
        try read { db in
            try MeetingRecord.select(max(MeetingRecord.Columns.id), as: Int64.self).fetchOne(db)
        }
    }

    /// Every stored meeting, most recent start first (ties: the one stored last first).
    public func meetingSummaries() throws -> [MeetingSummary] {
        try read { db in
            let meetings =
                try MeetingRecord
                .order(MeetingRecord.Columns.startedAt.desc, MeetingRecord.Columns.id.desc)
                .fetchAll(db)
            let groups = try Dictionary(
                GroupRecord.fetchAll(db).compactMap { group in group.id.map { ($0, group.name) } },
                uniquingKeysWith: { first, _ in first })
            var names: [Int64: [String]] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT mp.meeting_id, p.name FROM meeting_participant mp
                    JOIN participant p ON p.id = mp.participant_id
                    ORDER BY mp.meeting_id, mp.position
                    """)
            for row in rows {
                names[row["meeting_id"], default: []].append(row["name"])
            }
            return meetings.compactMap { meeting in
                guard let id = meeting.id else { return nil }
                return MeetingSummary(
                    id: id, startedAt: meeting.startedAt, source: meeting.source, mode: meeting.mode,
                    status: meeting.status,
                    durationSeconds: Double(meeting.durationFrames) / Double(meeting.sampleRate),
                    participants: names[id] ?? [], group: meeting.groupId.flatMap { groups[$0] })
            }
        }
    }

    /// The names of a group's members (everyone who has taken part in one of its meetings),
    /// in the order they joined; empty when there is no such group.
    public func groupMembers(named group: String) throws -> [String] {
        try read { db in
            guard let groupID = try GroupRecord.filter(GroupRecord.Columns.name == group).fetchOne(db)?.id else {
                return []
            }
            return try ParticipantRecord.filter(ParticipantRecord.Columns.groupId == groupID)
                .order(ParticipantRecord.Columns.id).fetchAll(db).map(\.name)
        }
    }

    // MARK: - Helpers

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try MeetingStoreError.mapping(location) { try writer.read(value) }
    }

    static func participants(meetingID: Int64, _ db: Database) throws -> [(name: String, channel: Int?)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.name, mp.channel FROM meeting_participant mp
                JOIN participant p ON p.id = mp.participant_id
                WHERE mp.meeting_id = ? ORDER BY mp.position
                """,
            arguments: [meetingID]
        ).map { (name: $0["name"], channel: $0["channel"]) }
    }

    static func events(meetingID: Int64, _ db: Database) throws -> [FacilitationEvent] {
        let records = try EventRecord.filter(EventRecord.Columns.meetingId == meetingID)
            .order(EventRecord.Columns.id).fetchAll(db)
        var named: [Int64: [Int]] = [:]
        let links = try EventParticipantRecord.filter(EventParticipantRecord.Columns.meetingId == meetingID)
            .order(EventParticipantRecord.Columns.eventId, EventParticipantRecord.Columns.ordinal)
            .fetchAll(db)
        for link in links {
            named[link.eventId, default: []].append(link.position)
        }
        return records.map { record in
            FacilitationEvent(
                kind: record.kind, start: record.startFrame, end: record.endFrame,
                participants: record.id.flatMap { named[$0] } ?? [], detail: record.detail)
        }
    }
}
