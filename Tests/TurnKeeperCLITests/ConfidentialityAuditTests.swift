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
}
