import Facilitation
import Foundation
import GRDB

/// The meetings database: groups, participants, meetings, attendance, turns, speech segments
/// and events. Only timings; no audio.
///
/// PLACEHOLDER (skeleton): the storage work fills this in; the public API stays.
public struct MeetingStore: Sendable {
    private let writer: any DatabaseWriter

    /// Wraps a database connection and runs the migrations.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
    }
}
