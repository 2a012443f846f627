import Facilitation
import GRDB

/// A row of `speech_segment`: who spoke (or the room, when `participantPosition` is nil), on
/// which channel, from when to when in sample frames. Never the audio itself.
struct SpeechSegmentRecord: StoredRecord, Equatable {
    static let databaseTableName = "speech_segment"

    var id: Int64?
    var meetingId: Int64
    var participantPosition: Int?
    var channel: Int
    var startFrame: Int64
    var endFrame: Int64

    enum Columns {
        static let id = Column("id")
        static let meetingId = Column("meeting_id")
    }

    init(meetingId: Int64, _ segment: SpeechSegment) {
        self.meetingId = meetingId
        self.participantPosition = segment.participant
        self.channel = segment.channel
        self.startFrame = segment.start
        self.endFrame = segment.end
    }

    var segment: SpeechSegment {
        SpeechSegment(participant: participantPosition, channel: channel, start: startFrame, end: endFrame)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
