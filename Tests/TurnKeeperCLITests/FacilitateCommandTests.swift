import Facilitation
import Foundation
import MeetingStore
import TestSupport
import Testing

/// `facilitate` on a rehearsal recording paced at real time: signals, control, stop-after.
@Suite(.serialized) struct FacilitateCommandTests {
    func start(_ cli: CLIFixture, _ extra: [String] = []) throws -> BackgroundCommand {
        try BackgroundCommand(
            cli.runner,
            [
                "facilitate", "--replay", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--slot", "13s",
                "--warning", "3s", "--socket", cli.file("tk.sock").path, "--no-chimes",
            ] + extra,
            in: cli.folder)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalEndsTheMeetingCleanly(signal: Int32) throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let meeting = try start(cli)
        #expect(eventually { FileManager.default.fileExists(atPath: cli.file("tk.sock").path) })
        Thread.sleep(forTimeInterval: 1.5)
        meeting.send(signal)
        let status = meeting.wait(seconds: 5)
        #expect(status == 0, "\(meeting.stderr)")
        let log = try #require(try latestMeeting(in: cli.database))
        #expect(log.status == .finished)
        #expect(log.durationSeconds > 1 && log.durationSeconds < 4)
        #expect(!log.segments.isEmpty)
        // The socket is removed with the meeting
        #expect(!FileManager.default.fileExists(atPath: cli.file("tk.sock").path))
    }

    @Test func controlStepsThroughTheMeetingAndEndsIt() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let meeting = try start(cli)
        let socket = cli.file("tk.sock").path
        #expect(eventually { FileManager.default.fileExists(atPath: socket) })
        let next = try cli.run("control", "next", "--socket", socket)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout == "Ben's turn\n")
        let arrive = try cli.run("control", "arrive", "Dev", "--socket", socket)
        #expect(arrive.stdout.hasPrefix("Dev arrived at"))
        let nobody = try cli.run("control", "arrive", "Zoe", "--socket", socket)
        #expect(nobody.isCleanFailure)
        #expect(nobody.stderr.contains("nobody called Zoe"))
        let end = try cli.run("control", "end", "--socket", socket)
        #expect(end.status == 0)
        #expect(meeting.wait(seconds: 5) == 0)
        let log = try #require(try latestMeeting(in: cli.database))
        #expect(log.status == .finished)
        #expect(log.turns.map(\.holder) == [0, 1])
        #expect(log.attendance.first { $0.participant == 3 }?.arrivedAt != nil)
        #expect(meeting.stderr.contains("control next: ok Ben's turn"))
    }

    @Test func stopAfterEndsOnItsOwn() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let meeting = try start(cli, ["--stop-after", "2s"])
        #expect(meeting.wait(seconds: 10) == 0, "\(meeting.stderr)")
        let log = try #require(try latestMeeting(in: cli.database))
        #expect(log.status == .finished)
        #expect(log.durationFrames == 2 * Int64(log.sampleRate))
    }

    @Test func aMeetingACrashLeftOpenIsMarkedInterruptedAtTheNextStart() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let crashed = try start(cli)
        let socket = cli.file("tk.sock").path
        #expect(eventually { FileManager.default.fileExists(atPath: socket) })
        // Ana's slot is closed by "next", so a turn is waiting for the next batch
        #expect(try cli.run("control", "next", "--socket", socket).status == 0)
        Thread.sleep(forTimeInterval: 1.5)
        crashed.send(SIGKILL)
        _ = crashed.wait(seconds: 5)
        #expect(try latestMeeting(in: cli.database)?.status == .running)
        let next = try start(cli, ["--stop-after", "1s"])
        #expect(next.wait(seconds: 10) == 0, "\(next.stderr)")
        #expect(next.stderr.contains("marked interrupted"))
        let store = try MeetingStore.openFile(at: cli.database.path)
        let first = try #require(try store.meeting(id: 1))
        #expect(first.status == .interrupted)
        #expect(first.turns.map(\.holder) == [0])  // batches written before the crash are kept
    }

    @Test func roundsWithoutATimeAreRefused() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run("facilitate", "--replay", DemoMeeting.wav.path, "--participants", "Ana,Ben")
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("--meeting-length"))
    }
}
