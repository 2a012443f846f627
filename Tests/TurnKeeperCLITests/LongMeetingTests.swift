import Foundation
import Testing
import TestSupport

/// The short version of `scripts/long-meeting-check` (the script's default is 8 hours).
@Suite struct LongMeetingTests {
    @Test func aLongMeetingKeepsMemoryFlatLosesNothingAndDoesNotDrift() throws {
        let runner = try CommandRunner()
        let (status, text) = try runProjectScript(
            "long-meeting-check", ["--hours", "0.2", "--turnkeeper", runner.executable.path])
        #expect(status == 0, "\(text)")
        #expect(text.contains("bursts 144  segments 144"), "\(text)")
        #expect(text.contains("long meeting: ok"), "\(text)")
    }
}
