import GRDB

/// A row of `meeting_participant`: who took part in a meeting, at which position of the plan
/// and on which microphone channel.
struct MeetingParticipantRecord: StoredRecord, Equatable {
    static let databaseTableName = "meeting_participant"

    var meetingId: Int64
    var position: Int
    var participantId: Int64
    var channel: Int?

    enum Columns {
        static let meetingId = Column("meeting_id")
        static let position = Column("position")
        static let participantId = Column("participant_id")
        static let channel = Column("channel")
    }
}
