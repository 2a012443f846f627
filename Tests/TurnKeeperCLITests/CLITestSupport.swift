import Foundation
import TestSupport

/// A temporary database and folder for one CLI test, and the binary to run.
struct CLIFixture {
    let folder: URL
    let runner: CommandRunner
    var database: URL { folder.appendingPathComponent("data/meetings.sqlite") }

    init() throws {
        folder = try makeTemporaryDirectory("turnkeeper-cli")
        runner = try CommandRunner(environment: ["TURNKEEPER_DB": folder.appendingPathComponent("data/meetings.sqlite").path])
    }

    func run(_ arguments: String...) throws -> CommandRunner.Result { try runner.run(arguments) }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The bundled demo meeting (real synthetic speech with labels), used as a fixture.
enum DemoMeeting {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/turnkeeper/Resources")
    static let wav = resources.appendingPathComponent("demo-meeting.wav")
    static let plan = resources.appendingPathComponent("demo-meeting.json")
}

extension CommandRunner.Result {
    /// True when the program failed the way a person should see: non-zero exit, a short
    /// message on stderr, no crash report.
    var isCleanFailure: Bool {
        status != 0 && !stderr.isEmpty && !stderr.contains("Fatal error") && !stderr.contains("Stack dump")
            && !stderr.contains("Current stack trace") && status < 128
    }
}

/// Runs one of the project's `scripts/` and returns its exit status and everything it printed.
func runProjectScript(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts").appendingPathComponent(name)
    let process = Process()
    process.executableURL = script
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}
