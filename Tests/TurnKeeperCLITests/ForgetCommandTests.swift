import Foundation
import MeetingStore
import TestSupport
import Testing

/// `turnkeeper forget`: deletes, says what it deleted, fails cleanly on what is not there.
@Suite(.serialized) struct ForgetCommandTests {
    @Test func forgetAGroupThenAMeeting() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let store = try MeetingStore.openFile(at: cli.database.path)
        for log in MeetingFixtures.series() { _ = try store.save(log) }
        let oneOff = try store.save(MeetingFixtures.oneOffGroup())
        let loose = try store.save(MeetingFixtures.openFloorOneMic())

        let group = try cli.run("forget", "--group", "Lantern circle")

        #expect(group.status == 0, "\(group.stderr)")
        #expect(
            group.stdout.contains(
                "Deleted group \"Lantern circle\", meeting \(oneOff) and 2 people (Zebulon, Quillon)."))
        #expect(group.stdout.contains("vacuumed"))
        let bytes = try Data(contentsOf: cli.database)
        #expect(bytes.range(of: Data("Zebulon".utf8)) == nil && bytes.range(of: Data("Tuesday peers".utf8)) != nil)

        let meeting = try cli.run("forget", "\(loose)")
        #expect(meeting.status == 0, "\(meeting.stderr)")
        #expect(meeting.stdout.contains("Deleted meeting \(loose) and 2 people (Ana, Ben)."))
        let listed = try cli.run("meetings")
        #expect(!listed.stdout.contains("kitchen.wav") && listed.stdout.contains("week6.wav"))
    }

    @Test func unknownMeetingOrGroupFailsCleanly() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let store = try MeetingStore.openFile(at: cli.database.path)
        _ = try store.save(MeetingFixtures.rounds())

        let meeting = try cli.run("forget", "42")
        let group = try cli.run("forget", "--group", "Nobody's")
        let neither = try cli.run("forget")
        let both = try cli.run("forget", "1", "--group", "Tuesday peers")

        #expect(meeting.isCleanFailure && meeting.stderr.contains("there is no meeting 42"))
        #expect(
            group.isCleanFailure && group.stderr.contains("there is no group \"Nobody's\"")
                && group.stderr.contains("Tuesday peers"))
        #expect(neither.isCleanFailure && both.isCleanFailure)
        #expect(try store.meeting(id: 1) != nil)
    }
}
