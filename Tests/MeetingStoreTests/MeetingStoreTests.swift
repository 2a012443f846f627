import Facilitation
import Foundation
import GRDB
import TestSupport
import Testing

@testable import MeetingStore

/// The store on both backings: an in-memory queue and a WAL pool on a file.
@Suite struct MeetingStoreTests {
    static let fixtures: [MeetingLog] = [
        MeetingFixtures.rounds(), MeetingFixtures.openFloorLapel(), MeetingFixtures.openFloorOneMic(),
    ]

    @Test(arguments: StoreKind.allCases)
    func saveThenReadGivesBackTheSameLog(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)

        for fixture in Self.fixtures {
            let id = try store.save(fixture)
            var expected = fixture
            expected.id = id
            #expect(try store.meeting(id: id) == expected)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func startTimeFromTheWallClockRoundTripsExactly(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        var log = MeetingFixtures.openFloorOneMic()
        // Sub-microsecond digits, as Date() gives.
        log.startedAt = Date(timeIntervalSinceReferenceDate: 816_035_200.123_456_789)

        let id = try store.save(log)

        #expect(try store.meeting(id: id)?.startedAt == log.startedAt)
        #expect(try store.meetingSummaries().first?.startedAt == log.startedAt)
    }

    @Test(arguments: StoreKind.allCases)
    func beginAppendsAndFinishGiveBackTheSameLog(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let full = MeetingFixtures.openFloorLapel()

        // Given a meeting begun with only its plan, then fed in batches as a live run does
        var start = full
        (start.segments, start.events, start.turns, start.attendance) = ([], [], [], [])
        start.durationFrames = 0
        let id = try store.beginMeeting(start)
        #expect(try store.meeting(id: id)?.status == .running)
        var batches = 0
        for first in stride(from: 0, to: 7, by: 3) {
            func slice<T>(_ items: [T]) -> [T] { Array(items.dropFirst(first).prefix(3)) }
            try store.append(
                meetingID: id, segments: slice(full.segments), events: slice(full.events), turns: slice(full.turns))
            batches += 1
        }
        #expect(batches == 3)
        try store.finishMeeting(
            id: id, durationFrames: full.durationFrames, status: full.status, attendance: full.attendance)

        // Then it reads back as the whole log (batches in order keep each list's order)
        var expected = full
        expected.id = id
        #expect(try store.meeting(id: id) == expected)
    }

    @Test(arguments: StoreKind.allCases)
    func appendedBatchKeepsEveryColumnIncludingTheOptionalOnes(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        var log = MeetingFixtures.openFloorLapel()
        (log.segments, log.events, log.turns, log.attendance) = ([], [], [], [])
        let id = try store.beginMeeting(log)

        // Given a batch with the room's speech (no participant), an open-ended event with a
        // detail, an event naming three people and a turn with no planned end
        let segments = [
            SpeechSegment(participant: nil, channel: 0, start: 100, end: 900),
            SpeechSegment(participant: 2, channel: 2, start: 950, end: 4000),
        ]
        let events = [
            FacilitationEvent(kind: .deviceTrouble, start: 1200, participants: [], detail: "hw:2,0 overran"),
            FacilitationEvent(kind: .crossTalk, start: 2000, end: 2600, participants: [2, 0, 1]),
        ]
        let turns = [Turn(holder: 2, start: 950, end: 4000), Turn(holder: 0, start: 4000, end: 5000, plannedEnd: 6000)]
        try store.append(meetingID: id, segments: segments, events: events, turns: turns)

        // Then every value reads back as written
        let stored = try #require(try store.meeting(id: id))
        #expect(stored.segments == segments)
        #expect(stored.events == events)
        #expect(stored.turns == turns)
    }

    @Test(arguments: StoreKind.allCases)
    func beginStoresWhatTheLogAlreadyHoldsAsRunning(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let fixture = MeetingFixtures.rounds()

        let id = try store.beginMeeting(fixture)

        var expected = fixture
        expected.id = id
        expected.status = .running
        #expect(try store.meeting(id: id) == expected)
    }

    @Test(arguments: StoreKind.allCases)
    func startUpMarksRunningMeetingsInterrupted(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let first = try store.beginMeeting(MeetingFixtures.rounds())
        let finished = try store.save(MeetingFixtures.openFloorOneMic())
        let second = try store.beginMeeting(MeetingFixtures.openFloorLapel())

        #expect(try store.markInterruptedMeetings() == [first, second])

        #expect(try store.meeting(id: first)?.status == .interrupted)
        #expect(try store.meeting(id: second)?.status == .interrupted)
        #expect(try store.meeting(id: finished)?.status == .finished)
        #expect(try store.markInterruptedMeetings() == [])
    }

    @Test(arguments: StoreKind.allCases)
    func latestIsTheMeetingStoredLast(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        #expect(try store.latestMeetingID() == nil)

        _ = try store.save(MeetingFixtures.openFloorLapel())
        let last = try store.save(MeetingFixtures.rounds())

        #expect(try store.latestMeetingID() == last)
    }

    @Test(arguments: StoreKind.allCases)
    func summariesListMeetingsNewestFirst(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let ids = try Self.fixtures.map { try store.save($0) }

        let summaries = try store.meetingSummaries()

        // The fixtures start one day apart, in order: newest first is the reverse.
        #expect(summaries.map(\.id) == ids.reversed())
        let rounds = try #require(summaries.first { $0.id == ids[0] })
        let fixture = MeetingFixtures.rounds()
        #expect(rounds.participants == fixture.participants.map(\.name))
        #expect(rounds.group == fixture.group)
        #expect(rounds.mode == .rounds)
        #expect(rounds.status == .finished)
        #expect(rounds.source == fixture.source)
        #expect(rounds.startedAt == fixture.startedAt)
        #expect(rounds.durationSeconds == fixture.durationSeconds)
        #expect(summaries.first { $0.id == ids[2] }?.group == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func groupMembersAreReusedAcrossMeetings(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        var third = MeetingFixtures.openFloorLapel()
        third.plan.participants = [Participant(name: "Eve", channel: 0), Participant(name: "Ben", channel: 1)]
        (third.segments, third.events, third.turns, third.attendance) = ([], [], [], [])

        _ = try store.save(MeetingFixtures.rounds())
        _ = try store.save(MeetingFixtures.openFloorLapel())
        _ = try store.save(third)

        #expect(try store.groupMembers(named: "Tuesday peers") == ["Ana", "Ben", "Caro", "Dev", "Eve"])
        let people = try store.writer.read { try ParticipantRecord.fetchCount($0) }
        #expect(people == 5)
        #expect(try store.groupMembers(named: "No such group") == [])
    }

    @Test func fileAndFolderAreForTheirOwnerOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("nested/turnkeeper/meetings.sqlite")

        let store = try MeetingStore.openFile(at: path)
        _ = try store.save(MeetingFixtures.rounds())

        #expect(try Self.mode(of: folder.path("nested/turnkeeper")) == 0o700)
        #expect(try Self.mode(of: path) == 0o600)
        for companion in [path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: companion))
            #expect(try Self.mode(of: companion) == 0o600)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func schemaHasForeignKeysIndexesAndNoBlob(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        for fixture in Self.fixtures { _ = try store.save(fixture) }

        try store.writer.read { db in
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            #expect(tables.count >= 10)
            for table in tables {
                let columns = try db.columns(in: table)
                for column in columns {
                    let type = column.type.uppercased()
                    // No declared type, or one containing BLOB, gives BLOB affinity.
                    #expect(!type.isEmpty && !type.contains("BLOB"), "\(table).\(column.name) has type '\(type)'")
                    let blobs = try Int.fetchOne(
                        db,
                        sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier) "
                            + "WHERE typeof(\(column.name.quotedDatabaseIdentifier)) = 'blob'")
                    #expect(blobs == 0, "\(table).\(column.name) holds a blob")
                }
                if columns.contains(where: { $0.name == "meeting_id" }) {
                    let indexed = try db.indexes(on: table).contains { $0.columns.first == "meeting_id" }
                    let keyed = try db.primaryKey(table).columns.first == "meeting_id"
                    #expect(indexed || keyed, "\(table).meeting_id has no index")
                }
            }
        }
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(MeetingStore.defaultPath(environment: ["TURNKEEPER_DB": "/x/m.db", "HOME": "/home/a"]) == "/x/m.db")
        #expect(
            MeetingStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/home/a"])
                == "/d/turnkeeper/meetings.sqlite")
        #expect(
            MeetingStore.defaultPath(environment: ["HOME": "/home/a"])
                == "/home/a/.local/share/turnkeeper/meetings.sqlite")
        // XDG says a relative XDG_DATA_HOME is to be ignored.
        #expect(
            MeetingStore.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"])
                == "/home/a/.local/share/turnkeeper/meetings.sqlite")
    }

    static func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }
}
