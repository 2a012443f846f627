import AudioIO
import Foundation
import Testing
import TestSupport

/// What `analyze` writes, watched with strace: only the database (and its -wal/-shm/-journal),
/// the outputs asked for, and no network socket. Nothing written holds the audio.
@Suite struct ConfidentialityAuditTests {
    /// Files opened for writing or renamed into place, and socket families, from an strace log.
    struct Trace {
        var written: Set<String> = []
        var socketFamilies: Set<String> = []

        init(log: String) {
            var temporary: Set<String> = []
            for line in log.split(separator: "\n") {
                if line.contains("socket("), let open = line.range(of: "socket(") {
                    let family = line[open.upperBound...].prefix { $0 != "," }
                    socketFamilies.insert(String(family))
                }
                let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
                if (line.contains("openat(") || line.contains("open(") || line.contains("creat(")),
                    line.contains("O_WRONLY") || line.contains("O_RDWR") || line.contains("O_CREAT"),
                    !line.contains("= -1"), quoted.count >= 2
                {
                    written.insert(String(quoted[1]))
                }
                if line.contains("rename"), !line.contains("= -1"), quoted.count >= 4 {
                    temporary.insert(String(quoted[1]))
                    written.insert(String(quoted[3]))
                }
            }
            written.subtract(temporary)
        }
    }

    @Test func analyzeWritesOnlyTheDatabaseAndTheAskedForOutputs() throws {
        let strace = "/usr/bin/strace"
        try #require(FileManager.default.isExecutableFile(atPath: strace), "strace is installed by scripts/install-deps.sh")
        let cli = try CLIFixture()
        defer { cli.remove() }
        let log = cli.file("strace.log")
        let rttm = cli.file("out.rttm")
        let report = cli.file("report.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = [
            "-f", "-qq", "-e", "trace=open,openat,creat,rename,renameat,renameat2,socket", "-o", log.path,
            cli.runner.executable.path, "analyze", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev",
            "--db", cli.database.path, "--rttm", rttm.path, "--quiet",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let reportRun = try cli.run("report", "--latest", "--format", "json", "--db", cli.database.path, "--output", report.path)
        #expect(reportRun.status == 0)

        // Then only the database and the RTTM were written
        let trace = Trace(log: try String(contentsOf: log, encoding: .utf8))
        let db = cli.database.path
        let allowed: Set<String> = [db, db + "-wal", db + "-shm", db + "-journal", rttm.path]
        #expect(!trace.written.isEmpty)
        #expect(trace.written.isSubset(of: allowed), "unexpected files written: \(trace.written.subtracting(allowed))")
        // No network: at most local (Unix) sockets
        #expect(trace.socketFamilies.isSubset(of: ["AF_UNIX"]), "\(trace.socketFamilies)")

        // And none of the files holds a piece of the audio
        let audio = try Data(contentsOf: DemoMeeting.wav)
        var outputs = [try Data(contentsOf: rttm), try Data(contentsOf: report)]
        for path in [db, db + "-wal"] where FileManager.default.fileExists(atPath: path) {
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        var probes = 0
        for offset in stride(from: 44 + 16_000, to: audio.count - 64, by: 32_000) {
            let window = audio.subdata(in: offset..<(offset + 32))
            if Set(window).count < 8 { continue }  // skip near-silence, which could match anything
            probes += 1
            for output in outputs { #expect(output.range(of: window) == nil, "audio bytes at \(offset) found in an output") }
        }
        #expect(probes > 20)
    }

    @Test func facilitateWritesOnlyTheDatabaseItsSocketAndTheChimes() throws {
        // Given the demo recording as a file-backed capture device and a WAV-backed chime device
        let strace = "/usr/bin/strace"
        try #require(FileManager.default.isExecutableFile(atPath: strace), "strace is installed by scripts/install-deps.sh")
        let cli = try CLIFixture()
        defer { cli.remove() }
        let source = try WAVFileSource(path: DemoMeeting.wav.path)
        var samples: [Float] = []
        let block = UnsafeMutableBufferPointer<Float>.allocate(capacity: 4096)
        defer { block.deallocate() }
        while case let n = try source.read(into: block), n > 0 { samples += block[0..<n] }
        let raw = cli.file("room.raw")
        let bell = cli.file("bell.wav")
        try ALSAFixtures.writeRaw(samples, to: raw)
        let config = try ALSAFixtures.configFile(
            definitions: ALSAConfiguration.fileCaptureDefinition(name: "room", rawFile: raw.path)
                + ALSAConfiguration.filePlaybackDefinition(name: "bell", wavFile: bell.path),
            in: cli.folder)
        let socket = cli.file("tk.sock")
        let log = cli.file("strace.log")
        // When facilitate runs the meeting under strace
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = [
            "-f", "-qq", "-e", "trace=open,openat,creat,rename,renameat,renameat2,socket,bind", "-o", log.path,
            cli.runner.executable.path, "facilitate", "--device", "room", "--participants", "Ana,Ben,Caro,Dev",
            "--slot", "13s", "--warning", "5s", "--chime-device", "bell", "--stop-after", "50s",
            "--db", cli.database.path, "--socket", socket.path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(ALSAFixtures.environment(configFile: config)) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        // Then it wrote the database, the chimes it was asked to play, and nothing else
        let trace = Trace(log: try String(contentsOf: log, encoding: .utf8))
        let db = cli.database.path
        // (/dev/null: the test's capture device, ALSA's file plugin, copies what it captures to
        // its `file`, which the definition sets to /dev/null; a real microphone has none)
        let allowed: Set<String> = [db, db + "-wal", db + "-shm", db + "-journal", bell.path, "/dev/null"]
        #expect(trace.written.contains(db) && trace.written.contains(bell.path))
        #expect(trace.written.isSubset(of: allowed), "unexpected files written: \(trace.written.subtracting(allowed))")
        #expect(trace.socketFamilies.isSubset(of: ["AF_UNIX"]), "\(trace.socketFamilies)")
        // And the database holds no piece of the audio heard
        let audio = try Data(contentsOf: raw)
        var stored = try Data(contentsOf: cli.database)
        if FileManager.default.fileExists(atPath: db + "-wal") { stored += try Data(contentsOf: URL(fileURLWithPath: db + "-wal")) }
        var probes = 0
        for offset in stride(from: 16_000, to: audio.count - 64, by: 32_000) {
            let window = audio.subdata(in: offset..<(offset + 32))
            if Set(window).count < 8 { continue }
            probes += 1
            #expect(stored.range(of: window) == nil, "audio bytes at \(offset) found in the database")
        }
        #expect(probes > 20)
    }
}
