import Facilitation
import Foundation
import TestSupport
import Testing

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
        // The warning is on the plan's clock (1 s before Ana's 2 s slot ends), whatever is heard
        #expect(lines.contains("[0:01] warning: Ana's time is nearly up"))
        #expect(lines.contains { $0.contains("] Ana's turn ended after") })
        #expect(lines.first?.hasPrefix("listening on") == true)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasPrefix("[0:0") })
        #expect(lines.last?.hasPrefix("meeting 1 stored (finished): 5s of audio") == true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func theTerminalViewShowsTurnTimesAndBars() throws {
        // Given record running in a tmux terminal on the demo meeting
        let cli = try CLIFixture()
        defer { cli.remove() }
        let script = Self.repoRoot.appendingPathComponent("scripts/capture-record-view")
        let arguments = [
            "--wait", "3", "--size", "90x24", "--", "--replay", DemoMeeting.wav.path, "--participants",
            "Ana,Ben,Caro,Dev", "--slot", "13s", "--socket", cli.file("tk.sock").path, "--no-chimes",
        ]
        let outURL = cli.file("screen.txt")
        let errURL = cli.file("script.err")
        let environment = cli.runner.environment.merging(["TURNKEEPER": cli.runner.executable.path]) { $1 }
        // posix_spawn and waitpid rather than Process: the script leaves a tmux server behind
        // for a moment, and Foundation's child monitor on Linux can miss the script's exit.
        let status = try spawnAndWait(
            script.path, arguments, environment: environment, stdout: outURL.path, stderr: errURL.path, seconds: 40)
        let screen = try String(contentsOf: outURL, encoding: .utf8)
        let errors = try String(contentsOf: errURL, encoding: .utf8)
        // Then the captured screen shows the view, and q ended the meeting cleanly
        #expect(status == 0, "\(screen)\n\(errors)")
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
