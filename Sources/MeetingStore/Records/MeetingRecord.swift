import Facilitation
import Foundation
import GRDB

/// A row of `meeting`: when, from what audio, in which state, and the plan's time rules.
/// The plan's participants are rows of `meeting_participant`.
struct MeetingRecord: StoredRecord, Equatable {
    static let databaseTableName = "meeting"

    var id: Int64?
    var startedAt: Date
    var sampleRate: Int
    var durationFrames: Int64
    var source: String
    var status: MeetingStatus
    var groupId: Int64?
    var facilitator: String?
    var mode: MeetingMode
    var meetingLength: Double?
    var slotLength: Double?
    var warningBefore: Double
    var maxTurn: Double
    var crossTalkMinimum: Double
    var floorMinimum: Double

    enum Columns {
        static let id = Column("id")
        static let startedAt = Column("started_at")
        static let durationFrames = Column("duration_frames")
        static let status = Column("status")
        static let groupId = Column("group_id")
    }

    /// The row for `log`, with `status` in place of the log's own.
    init(_ log: MeetingLog, status: MeetingStatus, groupId: Int64?) {
        self.id = nil
        self.startedAt = log.startedAt
        self.sampleRate = log.sampleRate
        self.durationFrames = log.durationFrames
        self.source = log.source
        self.status = status
        self.groupId = groupId
        self.facilitator = log.facilitator
        self.mode = log.plan.mode
        self.meetingLength = log.plan.meetingLength
        self.slotLength = log.plan.slotLength
        self.warningBefore = log.plan.warningBefore
        self.maxTurn = log.plan.maxTurn
        self.crossTalkMinimum = log.plan.crossTalkMinimum
        self.floorMinimum = log.plan.floorMinimum
    }

    /// The plan stored in this row, with the given participants.
    func plan(participants: [Participant]) -> MeetingPlan {
        MeetingPlan(
            mode: mode, participants: participants, meetingLength: meetingLength,
            slotLength: slotLength, warningBefore: warningBefore, maxTurn: maxTurn,
            crossTalkMinimum: crossTalkMinimum, floorMinimum: floorMinimum)
    }

    /// `started_at` holds seconds since Foundation's reference date: exact, and sortable.
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSinceReferenceDate
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSinceReferenceDate
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
