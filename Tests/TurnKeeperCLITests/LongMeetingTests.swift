import Foundation
import Testing
import TestSupport

/// The short version of `scripts/long-meeting-check` (the script's default is 8 hours).
@Suite struct LongMeetingTests {
    @Test func aLongMeetingKeepsMemoryFlatLosesNothingAndDoesNotDrift() throws {
        let runner = try CommandRunner()
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/long-meeting-check")
        let process = Process()
        process.executableURL = script
        process.arguments = ["--hours", "0.2", "--turnkeeper", runner.executable.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("bursts 144  segments 144"), "\(text)")
        #expect(text.contains("long meeting: ok"), "\(text)")
    }
}
