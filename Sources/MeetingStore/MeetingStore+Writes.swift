import Facilitation
import GRDB

// MARK: - Writing a meeting as it runs

extension MeetingStore {
    /// Stores a meeting that is starting, with status `.running`, and returns its id.
    ///
    /// Stores the plan and its participants (and the group, created if new, with any new
    /// members added to it), plus whatever segments, events, turns and attendance the log
    /// already holds. The log's own `id` and `status` are ignored.
    public func beginMeeting(_ log: MeetingLog) throws -> Int64 {
        try Self.validate(log)
        return try write { db in try Self.insertMeeting(log, status: .running, db) }
    }

    /// Adds a batch of timings to a stored meeting, in one transaction (all or nothing).
    ///
    /// Participant indices refer to the plan the meeting was begun with.
    public func append(
        meetingID: Int64, segments: [SpeechSegment], events: [FacilitationEvent], turns: [Turn]
    ) throws {
        try write { db in
            let count = try Self.participantCount(meetingID: meetingID, db)
            try Self.validate(segments: segments, events: events, turns: turns, attendance: [], participantCount: count)
            try Self.insertTimings(meetingID: meetingID, segments: segments, events: events, turns: turns, db)
        }
    }

    /// Records how a meeting ended: its length, status and attendance (which replaces any
    /// attendance stored before).
    public func finishMeeting(
        id: Int64, durationFrames: Int64, status: MeetingStatus, attendance: [Attendance]
    ) throws {
        try write { db in
            let count = try Self.participantCount(meetingID: id, db)
            try Self.validate(segments: [], events: [], turns: [], attendance: attendance, participantCount: count)
            try Self.finish(meetingID: id, durationFrames: durationFrames, status: status, attendance: attendance, db)
        }
    }

    /// Marks every meeting still `.running` as `.interrupted` and returns their ids, oldest
    /// first. Call once at start-up: a meeting left running means the program stopped
    /// before it ended (its timings up to the last flush are kept).
    public func markInterruptedMeetings() throws -> [Int64] {
        try write { db in
            let running = MeetingRecord.filter(MeetingRecord.Columns.status == MeetingStatus.running.rawValue)
            let ids = try running.order(MeetingRecord.Columns.id).select(MeetingRecord.Columns.id, as: Int64.self)
                .fetchAll(db)
            try running.updateAll(db, MeetingRecord.Columns.status.set(to: MeetingStatus.interrupted.rawValue))
            return ids
        }
    }

    /// Stores a whole meeting at once (begin, append, finish in one transaction), keeping the
    /// log's status, and returns its id.
    public func save(_ log: MeetingLog) throws -> Int64 {
        try Self.validate(log)
        return try write { db in try Self.insertMeeting(log, status: log.status, db) }
    }

    // MARK: - Inside a transaction

    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try MeetingStoreError.mapping(location) { try writer.write(updates) }
    }

    static func insertMeeting(_ log: MeetingLog, status: MeetingStatus, _ db: Database) throws -> Int64 {
        var groupID: Int64?
        if let name = log.group {
            if let existing = try GroupRecord.filter(GroupRecord.Columns.name == name).fetchOne(db) {
                groupID = existing.id
            } else {
                groupID = try GroupRecord(id: nil, name: name).inserted(db).id
            }
        }
        let meeting = try MeetingRecord(log, status: status, groupId: groupID).inserted(db)
        guard let meetingID = meeting.id else {
            throw MeetingStoreError.database(path: db.description, message: "the new meeting got no id")
        }
        for (position, participant) in log.participants.enumerated() {
            let personID = try personID(named: participant.name, groupID: groupID, db)
            _ = try MeetingParticipantRecord(
                meetingId: meetingID, position: position, participantId: personID, channel: participant.channel
            ).inserted(db)
        }
        try insertTimings(meetingID: meetingID, segments: log.segments, events: log.events, turns: log.turns, db)
        try finish(
            meetingID: meetingID, durationFrames: log.durationFrames, status: status, attendance: log.attendance, db)
        return meetingID
    }

    /// The person called `name` in the group (or outside any group), created if new.
    static func personID(named name: String, groupID: Int64?, _ db: Database) throws -> Int64 {
        // `== nil` is `IS NULL` in GRDB: people outside any group are matched by name too.
        let sameGroup = ParticipantRecord.Columns.groupId == groupID
        if let person = try ParticipantRecord.filter(sameGroup && ParticipantRecord.Columns.name == name).fetchOne(db),
            let id = person.id
        {
            return id
        }
        let inserted = try ParticipantRecord(id: nil, groupId: groupID, name: name).inserted(db)
        guard let id = inserted.id else {
            throw MeetingStoreError.database(path: db.description, message: "the new participant got no id")
        }
        return id
    }

    /// Inserts timings with one prepared statement per table, cached on the connection and
    /// reused row after row (the records' Codable route costs about 60 allocations a row; this
    /// about 3). The columns are those of the records in `Records/`.
    static func insertTimings(
        meetingID: Int64, segments: [SpeechSegment], events: [FacilitationEvent], turns: [Turn], _ db: Database
    ) throws {
        if !segments.isEmpty {
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO speech_segment (meeting_id, participant_position, channel, start_frame, end_frame) \
                    VALUES (?, ?, ?, ?, ?)
                    """)
            for segment in segments {
                try insert.execute(arguments: [
                    meetingID, segment.participant, segment.channel, segment.start, segment.end,
                ])
            }
        }
        if !turns.isEmpty {
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO turn (meeting_id, holder_position, start_frame, end_frame, planned_end_frame) \
                    VALUES (?, ?, ?, ?, ?)
                    """)
            for turn in turns {
                try insert.execute(arguments: [meetingID, turn.holder, turn.start, turn.end, turn.plannedEnd])
            }
        }
        guard !events.isEmpty else { return }
        let insertEvent = try db.cachedStatement(
            sql: """
                INSERT INTO event (meeting_id, kind, start_frame, end_frame, detail) VALUES (?, ?, ?, ?, ?)
                """)
        let insertParticipant = try db.cachedStatement(
            sql: """
                INSERT INTO event_participant (event_id, ordinal, meeting_id, position) VALUES (?, ?, ?, ?)
                """)
        for event in events {
            try insertEvent.execute(arguments: [meetingID, event.kind.rawValue, event.start, event.end, event.detail])
            let eventID = db.lastInsertedRowID
            for (ordinal, position) in event.participants.enumerated() {
                try insertParticipant.execute(arguments: [eventID, ordinal, meetingID, position])
            }
        }
    }

    static func finish(
        meetingID: Int64, durationFrames: Int64, status: MeetingStatus, attendance: [Attendance], _ db: Database
    ) throws {
        let meeting = MeetingRecord.filter(MeetingRecord.Columns.id == meetingID)
        let changed = try meeting.updateAll(
            db,
            MeetingRecord.Columns.durationFrames.set(to: durationFrames),
            MeetingRecord.Columns.status.set(to: status.rawValue))
        guard changed == 1 else { throw MeetingStoreError.meetingNotFound(meetingID) }
        try AttendanceRecord.filter(AttendanceRecord.Columns.meetingId == meetingID).deleteAll(db)
        for entry in attendance {
            _ = try AttendanceRecord(meetingId: meetingID, entry).inserted(db)
        }
    }

    /// How many participants the stored meeting's plan has; throws if there is no such meeting.
    static func participantCount(meetingID: Int64, _ db: Database) throws -> Int {
        guard try MeetingRecord.exists(db, key: meetingID) else {
            throw MeetingStoreError.meetingNotFound(meetingID)
        }
        return try MeetingParticipantRecord.filter(MeetingParticipantRecord.Columns.meetingId == meetingID).fetchCount(
            db)
    }
}
