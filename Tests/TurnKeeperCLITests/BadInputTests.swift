import Foundation
import Testing
import TestSupport

/// Every kind of bad input: a one-line message naming the problem, a non-zero exit, no crash.
@Suite(.serialized) struct BadInputTests {
    static let malformedFiles: [(name: String, bytes: [UInt8], mention: String)] = [
        ("text.wav", Array("hello, this is not audio\n".utf8), "not a WAV"),
        ("empty.wav", [], "empty"),
        ("short.wav", Array("RIFF".utf8) + [0x24, 0, 0], "truncated"),
        ("zero-channels.wav", header(format: 1, channels: 0, bits: 16), "zero channels"),
        ("mulaw.wav", header(format: 7, channels: 1, bits: 8), "law"),
        ("adpcm.wav", header(format: 2, channels: 1, bits: 4), "ADPCM"),
    ]

    /// A WAV header with the given fmt fields and a little data.
    static func header(format: UInt16, channels: UInt16, bits: UInt16) -> [UInt8] {
        let b = WAVFixture.Builder(chunks: [
            .format(tag: format, channels: Int(channels), sampleRate: 16_000, bitsPerSample: Int(bits)),
            .data([UInt8](repeating: 0, count: 64)),
        ])
        return b.bytes()
    }

    @Test(arguments: malformedFiles.indices)
    func malformedAudioIsRefusedClearly(index: Int) throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let bad = Self.malformedFiles[index]
        let path = cli.file(bad.name)
        try Data(bad.bytes).write(to: path)
        let result = try cli.run("analyze", path.path, "--participants", "Ana,Ben")
        #expect(result.isCleanFailure, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains(bad.name))
        #expect(result.stderr.lowercased().contains(bad.mention.lowercased()), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func missingFileIsRefusedClearly() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run("analyze", cli.file("nowhere.wav").path, "--participants", "Ana")
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("nowhere.wav"))
    }

    @Test(arguments: [
        (["--mode", "sideways"], "sideways"),
        (["--meeting-length", "-5m"], "negative"),
        (["--meeting-length", "99999h"], "day"),
        (["--slot", "5"], "unit"),
        (["--participants", "Ana,Ben,Caro"], "3 participants"),
        (["--participants", "Ana,Ben", "--channel-map", "Zoe=1"], "Zoe"),
        (["--participants", "Ana,Ben", "--channel-map", "Ana=5"], "channel 5"),
        (["--profile", "no-such-profile"], "no-such-profile"),
    ])
    func badOptionsAreRefusedClearly(options: [String], mention: String) throws {
        // Given a valid two-channel recording
        let cli = try CLIFixture()
        defer { cli.remove() }
        let wav = cli.file("two.wav")
        try WAVFixture.write(samples: [Float](repeating: 0, count: 3200), channels: 2, sampleRate: 16_000, to: wav)
        var arguments = ["analyze", wav.path]
        if !options.contains("--participants") { arguments += ["--participants", "Ana,Ben"] }
        let result = try cli.runner.run(arguments + options)
        #expect(result.isCleanFailure, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
        // And nothing was stored
        #expect(try cli.run("meetings").stdout.contains("No meetings"))
    }

    @Test func reportWithoutMeetingsSaysHowToMakeOne() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run("report", "--latest")
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("no meetings"))
        let missing = try cli.run("report", "42")
        #expect(missing.isCleanFailure)
        #expect(missing.stderr.contains("42"))
    }

    @Test func aDatabaseThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        try FileManager.default.createDirectory(at: cli.database.deletingLastPathComponent(), withIntermediateDirectories: true)
        let junk = Data("not a database at all, just some words that matter to someone".utf8)
        try junk.write(to: cli.database)
        let result = try cli.run("meetings")
        #expect(result.isCleanFailure)
        #expect(try Data(contentsOf: cli.database) == junk)
    }
}
