import Facilitation
import Foundation
import TestSupport
import Testing

@testable import MeetingStore

/// Reading a group's series back: members, meetings oldest first, the last N.
@Suite struct MeetingStoreSeriesTests {
    @Test(arguments: StoreKind.allCases)
    func groupHistoryHasItsMembersAndMeetingsOldestFirst(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        // Stored newest first, with a meeting of another group and one of none in between.
        var ids: [Int64] = []
        for log in MeetingFixtures.series().reversed() {
            ids.append(try store.save(log))
            _ = try store.save(MeetingFixtures.oneOffGroup())
        }
        _ = try store.save(MeetingFixtures.openFloorOneMic())

        let history = try #require(try store.groupHistory(named: "Tuesday peers"))

        #expect(history.name == "Tuesday peers")
        #expect(history.members == ["Ana", "Ben", "Caro", "Dev"])
        #expect(history.meetings.map(\.id) == ids.reversed())
        #expect(history.meetings.map(\.facilitator) == MeetingFixtures.seriesFacilitators)
        var expected = MeetingFixtures.series()
        for index in expected.indices { expected[index].id = ids[ids.count - 1 - index] }
        #expect(history.meetings == expected)
        #expect(try store.groupNames() == ["Lantern circle", "Tuesday peers"])
    }

    @Test(arguments: StoreKind.allCases)
    func lastNKeepsTheMostRecent(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        for log in MeetingFixtures.series() { _ = try store.save(log) }

        let lastTwo = try #require(try store.groupHistory(named: "Tuesday peers", last: 2))
        let many = try #require(try store.groupHistory(named: "Tuesday peers", last: 60))

        #expect(lastTwo.meetings.map(\.facilitator) == ["Ben", "Caro"])
        #expect(lastTwo.meetings.map(\.startedAt) == MeetingFixtures.series().suffix(2).map(\.startedAt))
        #expect(lastTwo.members == MeetingFixtures.seriesMembers)
        #expect(many.meetings.count == 6)
    }

    @Test(arguments: StoreKind.allCases)
    func unknownGroupIsNil(kind: StoreKind) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try kind.makeStore(in: folder)
        _ = try store.save(MeetingFixtures.rounds())

        #expect(try store.groupHistory(named: "Nobody's") == nil)
        #expect(try store.groupHistory(named: "tuesday peers") == nil)
        #expect(try store.groupHistory(named: "Tuesday peers")?.meetings.count == 1)
    }
}
