import Facilitation
import Foundation
import GRDB
import TestSupport
import Testing

@testable import MeetingStore

/// The store's failures: clear errors, and files it does not understand left untouched.
@Suite struct MeetingStoreErrorTests {
    @Test func databaseFromANewerTurnKeeperIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("meetings.sqlite")
        // Given a database a newer TurnKeeper migrated one step further
        do {
            let store = try MeetingStore.openFile(at: path)
            _ = try store.save(MeetingFixtures.rounds())
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE later_feature (id INTEGER PRIMARY KEY)")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
            }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // When this build opens it
        #expect(throws: MeetingStoreError.newerSchema(path: path, unknownMigrations: ["v99"])) {
            _ = try MeetingStore.openFile(at: path)
        }

        // Then the file is byte for byte what it was
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let message = MeetingStoreError.newerSchema(path: path, unknownMigrations: ["v99"]).description
        #expect(message.contains("newer TurnKeeper") && message.contains("untouched"))
    }

    @Test func aFileThatIsNotSQLiteGivesAClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("notes.txt")
        let text = Data(String(repeating: "minutes of the meeting, not a database\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: path))

        #expect(throws: MeetingStoreError.notADatabase(path: path)) {
            _ = try MeetingStore.openFile(at: path)
        }

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
        #expect(MeetingStoreError.notADatabase(path: path).description.contains("not a TurnKeeper meetings database"))
    }

    @Test func aFolderThatCannotBeCreatedIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let blocker = folder.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))

        // A regular file stands where the folder should be.
        let error = #expect(throws: MeetingStoreError.self) {
            _ = try MeetingStore.openFile(at: blocker + "/sub/meetings.sqlite")
        }
        guard case let .cannotCreateFolder(path, _) = error else {
            Issue.record("expected cannotCreateFolder, got \(String(describing: error))")
            return
        }
        #expect(path == blocker + "/sub")
    }

    @Test func aFolderGivenAsTheDatabaseIsRefusedAndKeepsItsMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let before = try FileManager.default.attributesOfItem(atPath: folder.url.path)[.posixPermissions] as? NSNumber

        let error = #expect(throws: MeetingStoreError.self) {
            _ = try MeetingStore.openFile(at: folder.url.path)
        }

        #expect(error?.description.contains("it is a folder") == true)
        let after = try FileManager.default.attributesOfItem(atPath: folder.url.path)[.posixPermissions] as? NSNumber
        #expect(after == before)
    }

    @Test(arguments: StoreKind.allCases)
    func unknownMeetingsAreReported(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)

        #expect(try store.meeting(id: 42) == nil)
        #expect(throws: MeetingStoreError.meetingNotFound(42)) {
            try store.append(meetingID: 42, segments: [], events: [], turns: [])
        }
        #expect(throws: MeetingStoreError.meetingNotFound(42)) {
            try store.finishMeeting(id: 42, durationFrames: 0, status: .finished, attendance: [])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func indicesBeyondThePlanAreRefusedWithoutWritingAnything(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let id = try store.save(MeetingFixtures.openFloorOneMic())
        let before = try store.meeting(id: id)

        let error = #expect(throws: MeetingStoreError.self) {
            try store.append(
                meetingID: id, segments: [MeetingFixtures.segment(0, 0, 50, 51)],
                events: [FacilitationEvent(kind: .overrun, start: 0, participants: [7])], turns: [])
        }
        #expect(error?.description.contains("participant 7") == true)
        #expect(try store.meeting(id: id) == before)

        var bad = MeetingFixtures.rounds()
        bad.turns.append(Turn(holder: 4, start: 0, end: 1))
        #expect(throws: MeetingStoreError.self) { _ = try store.save(bad) }
        #expect(try store.latestMeetingID() == id)
    }
}

/// SQLite's failures, as the person at the keyboard reads them.
@Suite struct MeetingStoreErrorMappingTests {
    @Test func writingThroughAReadOnlyConnectionIsReportedAsReadOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("meetings.sqlite")
        _ = try MeetingStore.openFile(at: path).save(MeetingFixtures.rounds())
        var config = Configuration()
        config.readonly = true

        let store = try MeetingStore(DatabaseQueue(path: path, configuration: config))

        // Reading works; writing says why it cannot.
        #expect(try store.latestMeetingID() == 1)
        #expect(throws: MeetingStoreError.readOnly(path: path)) {
            _ = try store.save(MeetingFixtures.openFloorOneMic())
        }
    }

    @Test func sqliteResultCodesBecomeStoreErrors() {
        let path = "/data/meetings.sqlite"
        #expect(MeetingStoreError(DatabaseError(resultCode: .SQLITE_FULL), path: path) == .diskFull(path: path))
        #expect(MeetingStoreError(DatabaseError(resultCode: .SQLITE_READONLY), path: path) == .readOnly(path: path))
        #expect(MeetingStoreError(DatabaseError(resultCode: .SQLITE_NOTADB), path: path) == .notADatabase(path: path))
        #expect(MeetingStoreError(DatabaseError(resultCode: .SQLITE_BUSY), path: path) == .busy(path: path))
        #expect(MeetingStoreError.diskFull(path: path).description.contains("full"))
        #expect(MeetingStoreError.meetingNotFound(3).description.contains("no meeting 3"))
    }
}
