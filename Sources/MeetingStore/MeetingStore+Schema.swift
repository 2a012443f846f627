import GRDB

extension MeetingStore {
    /// The schema, as a list of migrations. A migration is never edited once it has shipped,
    /// and never uses record types (they follow the latest schema, migrations must not).
    ///
    /// All times are INTEGER sample frames from the start of the meeting's audio, except
    /// `meeting.started_at`: the wall clock, as REAL seconds since 2001-01-01 00:00:00 UTC
    /// (Foundation's reference date, so a `Date` round-trips exactly; people reading the file
    /// can use `datetime(started_at + 978307200, 'unixepoch')`). There is no BLOB column:
    /// nothing stored could rebuild audio.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "meeting_group") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
            }
            // A person. Members of a group persist across its meetings; people met outside
            // any group have group_id NULL and are reused by name.
            try db.create(table: "participant") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("group_id", .integer).references("meeting_group", onDelete: .cascade).indexed()
                t.column("name", .text).notNull()
            }
            try db.create(table: "meeting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("started_at", .double).notNull()
                t.column("sample_rate", .integer).notNull().check { $0 > 0 }
                t.column("duration_frames", .integer).notNull()
                t.column("source", .text).notNull()
                t.column("status", .text).notNull()
                t.column("group_id", .integer).references("meeting_group", onDelete: .setNull).indexed()
                t.column("facilitator", .text)
                // The plan, one column per field.
                t.column("mode", .text).notNull()
                t.column("meeting_length", .double)
                t.column("slot_length", .double)
                t.column("warning_before", .double).notNull()
                t.column("max_turn", .double).notNull()
                t.column("cross_talk_minimum", .double).notNull()
                t.column("floor_minimum", .double).notNull()
            }
            try db.create(index: "meeting_on_status", on: "meeting", columns: ["status"])
            // Who took part, in the plan's order; `position` is the participant index used by
            // segments, turns, events and attendance.
            try db.create(table: "meeting_participant") { t in
                t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("participant_id", .integer).notNull().references("participant", onDelete: .restrict).indexed()
                t.column("channel", .integer)
                t.primaryKey(["meeting_id", "position"])
            }
            try db.create(table: "attendance") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade).indexed()
                t.column("position", .integer).notNull()
                t.column("arrived_at_frame", .integer)
                t.column("left_at_frame", .integer)
                t.foreignKey(["meeting_id", "position"], references: "meeting_participant", onDelete: .cascade)
            }
            try db.create(table: "turn") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade).indexed()
                t.column("holder_position", .integer).notNull()
                t.column("start_frame", .integer).notNull()
                t.column("end_frame", .integer).notNull()
                t.column("planned_end_frame", .integer)
                t.foreignKey(["meeting_id", "holder_position"], references: "meeting_participant", onDelete: .cascade)
            }
            // participant_position NULL: speech credited to the room as a whole.
            try db.create(table: "speech_segment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade).indexed()
                t.column("participant_position", .integer)
                t.column("channel", .integer).notNull()
                t.column("start_frame", .integer).notNull()
                t.column("end_frame", .integer).notNull()
                t.foreignKey(
                    ["meeting_id", "participant_position"], references: "meeting_participant", onDelete: .cascade)
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("start_frame", .integer).notNull()
                t.column("end_frame", .integer)
                t.column("detail", .text)
            }
            // The participants an event names, in order (interruption: interrupter first).
            try db.create(table: "event_participant") { t in
                t.column("event_id", .integer).notNull().references("event", onDelete: .cascade)
                t.column("ordinal", .integer).notNull()
                t.column("meeting_id", .integer).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["event_id", "ordinal"])
                t.foreignKey(["meeting_id", "position"], references: "meeting_participant", onDelete: .cascade)
            }
            try db.create(index: "event_participant_on_meeting_id", on: "event_participant", columns: ["meeting_id"])
        }
        return migrator
    }
}
