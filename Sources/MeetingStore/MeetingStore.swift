import Facilitation
import Foundation
import GRDB

/// The meetings database: groups, participants, meetings, attendance, turns, speech segments
/// and events. Only timings; no audio.
///
/// PLACEHOLDER (skeleton): the storage work fills this in; the public API stays.
public struct MeetingStore: Sendable {
    private let writer: any DatabaseWriter

    public init(_ writer: any DatabaseWriter) throws { self.writer = writer }
    public static func openFile(at path: String) throws -> MeetingStore { try MeetingStore(DatabaseQueue(path: path)) }
    public static func inMemory() throws -> MeetingStore { try MeetingStore(DatabaseQueue()) }
    public static func defaultPath(environment: [String: String]) -> String { "meetings.sqlite" }
    public func beginMeeting(_ log: MeetingLog) throws -> Int64 { 1 }
    public func append(meetingID: Int64, segments: [SpeechSegment], events: [FacilitationEvent], turns: [Turn]) throws {}
    public func finishMeeting(id: Int64, durationFrames: Int64, status: MeetingStatus, attendance: [Attendance]) throws {}
    public func markInterruptedMeetings() throws -> [Int64] { [] }
    public func save(_ log: MeetingLog) throws -> Int64 { 1 }
    public func meeting(id: Int64) throws -> MeetingLog? { nil }
    public func latestMeetingID() throws -> Int64? { nil }
}
