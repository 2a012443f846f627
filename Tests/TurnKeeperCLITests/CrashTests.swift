import Foundation
import Testing
import TestSupport

/// The short version of `scripts/crash-test` (the script's default is 20 kills, 5 SIGTERMs and
/// a full disk): a live `facilitate` on a paced ALSA capture, killed with -9 and with SIGTERM.
@Suite(.serialized) struct CrashTests {
    @Test func killedAndTerminatedMeetingsKeepWhatWasHeard() throws {
        let runner = try CommandRunner()
        let (status, text) = try runProjectScript(
            "crash-test",
            ["--kills", "2", "--terms", "1", "--seed", "3", "--disk-kb", "260", "--turnkeeper", runner.executable.path]
                + (getuid() == 0 ? [] : ["--no-full-disk"]))
        #expect(status == 0, "\(text)")
        #expect(text.contains(", 0 failed"), "\(text)")
    }
}
