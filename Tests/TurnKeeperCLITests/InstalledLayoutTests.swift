import Foundation
import Testing
import TestSupport

/// An install as the systemd unit expects it: the binary in `PREFIX/bin`, the profiles in
/// `PREFIX/share/turnkeeper/Models`, started by name from PATH in another folder.
@Suite struct InstalledLayoutTests {
    static let models = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models")

    @Test func profilesAreFoundBesideAnExecutableStartedFromPATH() throws {
        let fixture = try CLIFixture()
        defer { fixture.remove() }
        let prefix = fixture.file("prefix")
        let bin = prefix.appendingPathComponent("bin")
        let share = prefix.appendingPathComponent("share/turnkeeper")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.runner.executable, to: bin.appendingPathComponent("turnkeeper"))
        try FileManager.default.copyItem(at: Self.models, to: share.appendingPathComponent("Models"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "cd / && turnkeeper profiles"]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["TURNKEEPER_MODELS"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        for name in ["lapel", "noisy-room"] {
            #expect(text.contains(share.appendingPathComponent("Models/\(name).json").path), "\(text)")
        }
    }
}
