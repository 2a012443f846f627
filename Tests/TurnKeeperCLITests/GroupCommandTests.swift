import Foundation
import TestSupport
import Testing

@Suite struct GroupCommandTests {
    @Test func initWritesAPrivateTemplateThatShowReads() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        var runner = cli.runner
        runner.environment["XDG_CONFIG_HOME"] = cli.folder.path
        let made = try runner.run(["group", "init", "tuesday"])
        #expect(made.status == 0, "\(made.stderr)")
        let file = cli.folder.appendingPathComponent("turnkeeper/groups/tuesday.json")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let shown = try runner.run(["group", "show", "tuesday"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Group: tuesday"))
        #expect(shown.stdout.contains("Ana (channel 0)"))
        #expect(shown.stdout.contains("slot 10m00s"))
        #expect(shown.stdout.contains("Review after 6 meetings"))
        // A second init does not overwrite the group's edits
        let again = try runner.run(["group", "init", "tuesday"])
        #expect(again.isCleanFailure)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func aMalformedGroupFileIsNamedWithItsField() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        var runner = cli.runner
        runner.environment["XDG_CONFIG_HOME"] = cli.folder.path
        let folder = cli.folder.appendingPathComponent("turnkeeper/groups")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("broken.json")
        try #"{"name": "broken", "members": [{"name": "Ana", "channel": "two"}], "slot": "5m"}"#.write(
            to: file, atomically: true, encoding: .utf8)
        for arguments in [["group", "show", "broken"], ["facilitate", "--group", "broken", "--stop-after", "1s"]] {
            let result = try runner.run(arguments)
            #expect(result.isCleanFailure, "\(arguments)")
            #expect(result.stderr.contains(file.path), "\(result.stderr)")
            #expect(result.stderr.contains("\"members[0].channel\""), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    @Test func aGroupThatIsNotThereSaysHowToMakeIt() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        var runner = cli.runner
        runner.environment["XDG_CONFIG_HOME"] = cli.folder.path
        let result = try runner.run(["group", "show", "nobody"])
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("turnkeeper group init nobody"))
    }
}
