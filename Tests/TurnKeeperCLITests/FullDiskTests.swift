import Foundation
import Testing
import TestSupport

/// A database on a disk that fills up part way through a meeting: a clear message, a non-zero
/// exit, and the meeting so far kept and readable. Needs root to mount a small tmpfs.
@Suite(.serialized, .enabled(if: getuid() == 0, "mounting a small tmpfs needs root (CI runs as root)"))
struct FullDiskTests {
    @Test func aFullDiskKeepsTheMeetingSoFarAndSaysSo() throws {
        // Given a 12-minute recording and a database folder with 400 KB of room
        let cli = try CLIFixture()
        defer { cli.remove() }
        let disk = cli.file("small-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try Self.shell("/bin/mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", disk.path)
        try #require(mount == 0)
        defer { _ = try? Self.shell("/bin/umount", disk.path) }
        #expect(try runProjectScript("long-meeting-check", ["--hours", "0.2", "--write-only", "--folder", cli.folder.path]).status == 0)
        let db = disk.appendingPathComponent("meetings.sqlite").path
        // When
        let result = try cli.run("analyze", cli.file("long.wav").path, "--participants", "Ana,Ben", "--mode", "open", "--db", db, "--quiet")
        // Then a one-line message about the full disk, not a crash
        #expect(result.isCleanFailure, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("full"), "\(result.stderr)")
        // And what was written before is there and can be read
        let list = try cli.run("meetings", "--db", db)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("long.wav"))
        let json = try cli.run("report", "--latest", "--format", "json", "--db", db)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let seconds = (object?["participants"] as? [[String: Any]] ?? []).compactMap { $0["speakingSeconds"] as? Double }
        #expect(seconds.reduce(0, +) > 10)
    }

    @Test func aReadOnlyDatabaseIsRefusedClearlyAndLeftIntact() throws {
        // Given a stored meeting on a disk that is then made read-only
        let cli = try CLIFixture()
        defer { cli.remove() }
        let disk = cli.file("read-only-disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try #require(try Self.shell("/bin/mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.path) == 0)
        defer { _ = try? Self.shell("/bin/umount", disk.path) }
        let db = disk.appendingPathComponent("meetings.sqlite").path
        let first = try cli.run("analyze", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--db", db, "--quiet")
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try #require(try Self.shell("/bin/mount", "-o", "remount,ro", disk.path) == 0)
        // When another meeting is analysed into it
        let second = try cli.run("analyze", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--db", db, "--quiet")
        // Then a one-line message naming the database, and the file as it was
        #expect(second.isCleanFailure, "\(second.status) \(second.stderr)")
        #expect(second.stderr.contains(db) && second.stderr.contains("read only"), "\(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    static func shell(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
