import Facilitation
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct RecordCommandTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func withoutATerminalItPrintsOneLinePerEvent() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run(
            "record", "--replay", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--slot", "2s",
            "--warning", "1s", "--stop-after", "5s", "--socket", cli.file("tk.sock").path, "--no-chimes")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}["))  // no escape codes in a pipe
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("[0:01] warning: Ana's time is nearly up"))
        #expect(lines.contains { $0.hasPrefix("[0:02] Ana's turn ended") })
        #expect(lines.contains("[0:03] warning: Ben's time is nearly up"))
        #expect(lines.last?.hasPrefix("meeting 1 stored (finished)") == true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func theTerminalViewShowsTurnTimesAndBars() throws {
        // Given record running in a tmux terminal on the demo meeting
        let cli = try CLIFixture()
        defer { cli.remove() }
        let script = Self.repoRoot.appendingPathComponent("scripts/capture-record-view")
        let process = Process()
        process.executableURL = script
        process.arguments = [
            "--wait", "3", "--size", "90x24", "--", "--replay", DemoMeeting.wav.path, "--participants",
            "Ana,Ben,Caro,Dev", "--slot", "13s", "--socket", cli.file("tk.sock").path, "--no-chimes",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(cli.runner.environment) { $1 }
            .merging(["TURNKEEPER": cli.runner.executable.path]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let screen = String(decoding: data, as: UTF8.self)
        // Then the captured screen shows the view, and q ended the meeting cleanly
        #expect(process.terminationStatus == 0, "\(screen)")
        #expect(screen.contains("TurnKeeper — rounds — 0:0"))
        #expect(screen.contains("Turn: Ana   used 0:0"))
        #expect(screen.contains("left 0:1"))
        for name in ["> Ana ", "  Ben ", "  Caro", "  Dev "] { #expect(screen.contains(name), "\(name)") }
        #expect(screen.contains("#"))
        #expect(screen.contains("keys: n next"))
        let log = try #require(try latestMeeting(in: cli.database))
        #expect(log.status == .finished)
    }
}
