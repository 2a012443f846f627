import Foundation
import TestSupport
import Testing

@Suite struct ControlCommandTests {
    @Test func withNoMeetingRunningItSaysSo() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run("control", "next", "--socket", cli.file("none.sock").path)
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("no meeting is running"))
    }

    @Test func anUnknownCommandIsRefusedBeforeConnecting() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run("control", "dance", "--socket", cli.file("none.sock").path)
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("'dance' is not a command"))
        let extend = try cli.run("control", "extend", "soon", "--socket", cli.file("none.sock").path)
        #expect(extend.isCleanFailure)
        #expect(extend.stderr.contains("not a duration"))
    }
}
