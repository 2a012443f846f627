import Facilitation
import Foundation
import TestSupport
import Testing

@testable import MeetingStore

/// `forget`: what is deleted, what stays, and that nothing deleted remains in the file.
@Suite struct MeetingStoreForgetTests {
    /// Every byte of the database file and its `-wal` (when there is one).
    static func bytesOnDisk(_ path: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if FileManager.default.fileExists(atPath: path + "-wal") {
            data.append(try Data(contentsOf: URL(fileURLWithPath: path + "-wal")))
        }
        return data
    }

    static func onDisk(_ text: String, in data: Data) -> Bool {
        data.range(of: Data(text.utf8)) != nil
    }

    @Test func forgettingAOneOffGroupLeavesNoTraceInTheFile() throws {
        // Given a file database holding a series and a one-off group
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("meetings.sqlite")
        let store = try MeetingStore.openFile(at: path)
        for log in MeetingFixtures.series() { _ = try store.save(log) }
        let oneOff = try store.save(MeetingFixtures.oneOffGroup())
        let secret = ["Zebulon", "Quillon", "Lantern circle", "lantern.wav"]
        let before = try Self.bytesOnDisk(path)
        #expect(
            secret.allSatisfy { Self.onDisk($0, in: before) },
            "the names must be on disk before, or the test proves nothing")

        // When the one-off group is forgotten
        let forgotten = try #require(try store.forgetGroup(named: "Lantern circle"))

        // Then none of its names is in the file or its -wal, and the series' names still are
        #expect(
            forgotten == ForgottenRecords(meetings: [oneOff], people: ["Zebulon", "Quillon"], group: "Lantern circle"))
        let after = try Self.bytesOnDisk(path)
        for text in secret {
            #expect(!Self.onDisk(text, in: after), "\(text) is still in the file")
        }
        for text in ["Caro", "Dev", "Tuesday peers", "week6.wav"] {
            #expect(Self.onDisk(text, in: after), "\(text) should still be there")
        }
        #expect(try store.groupHistory(named: "Tuesday peers")?.meetings.count == 6)
        #expect(try store.groupNames() == ["Tuesday peers"])
        #expect(try store.meeting(id: oneOff) == nil)
    }

    @Test func forgettingAMeetingOutsideAnyGroupTakesItsPeopleUnlessTheyAreElsewhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("meetings.sqlite")
        let store = try MeetingStore.openFile(at: path)
        var kitchen = MeetingFixtures.openFloorOneMic()
        kitchen.plan.participants = [Participant(name: "Ottoline"), Participant(name: "Ben")]
        var other = MeetingFixtures.openFloorOneMic()
        other.source = "hall.wav"
        let kitchenID = try store.save(kitchen)
        let otherID = try store.save(other)

        let forgotten = try store.forgetMeeting(id: kitchenID)

        // Ben is in the other meeting, so only Ottoline goes.
        #expect(forgotten == ForgottenRecords(meetings: [kitchenID], people: ["Ottoline"], group: nil))
        let after = try Self.bytesOnDisk(path)
        #expect(!Self.onDisk("Ottoline", in: after) && !Self.onDisk("kitchen.wav", in: after))
        #expect(Self.onDisk("hall.wav", in: after))
        #expect(try store.meeting(id: otherID)?.participants.map(\.name) == ["Ana", "Ben"])
    }

    @Test(arguments: StoreKind.allCases)
    func forgettingOneMeetingOfAGroupKeepsTheGroupAndItsMembers(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let ids = try MeetingFixtures.series().map { try store.save($0) }

        let forgotten = try store.forgetMeeting(id: ids[2])

        #expect(forgotten == ForgottenRecords(meetings: [ids[2]], people: [], group: nil))
        let history = try #require(try store.groupHistory(named: "Tuesday peers"))
        #expect(history.meetings.map(\.id) == ids.filter { $0 != ids[2] })
        #expect(history.members == MeetingFixtures.seriesMembers)
    }

    @Test(arguments: StoreKind.allCases)
    func forgettingAGroupKeepsTheSameNameInAnotherGroup(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let series = try MeetingFixtures.series().map { try store.save($0) }
        var elsewhere = MeetingFixtures.rounds()
        elsewhere.group = "Book club"
        let club = try store.save(elsewhere)

        let forgotten = try #require(try store.forgetGroup(named: "Tuesday peers"))

        #expect(forgotten.meetings == series)
        #expect(forgotten.people == MeetingFixtures.seriesMembers)
        #expect(try store.groupHistory(named: "Tuesday peers") == nil)
        #expect(try store.meeting(id: club)?.participants.map(\.name) == ["Ana", "Ben", "Caro", "Dev"])
        #expect(try store.groupHistory(named: "Book club")?.members == ["Ana", "Ben", "Caro", "Dev"])
    }

    @Test(arguments: StoreKind.allCases)
    func unknownMeetingOrGroup(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        let id = try store.save(MeetingFixtures.rounds())

        #expect(throws: MeetingStoreError.meetingNotFound(id + 1)) { try store.forgetMeeting(id: id + 1) }
        #expect(try store.forgetGroup(named: "Nobody's") == nil)
        #expect(try store.meeting(id: id) != nil)
    }
}
