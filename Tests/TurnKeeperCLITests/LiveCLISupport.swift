import Facilitation
import Foundation
import MeetingStore
import TestSupport

/// A `turnkeeper` process running in the background (a live meeting), for tests that talk
/// to it, signal it, or wait for it.
final class BackgroundCommand: @unchecked Sendable {
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    /// Starts `turnkeeper arguments…` with `environment` added, stdin closed.
    init(_ runner: CommandRunner, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        process.executableURL = runner.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(runner.environment) { $1 }
            .merging(environment) { $1 }
        let tag = UUID().uuidString.prefix(8)
        stdoutURL = folder.appendingPathComponent("bg-\(tag).out")
        stderrURL = folder.appendingPathComponent("bg-\(tag).err")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits up to `seconds` for the process to exit; returns its status, or nil if it runs on.
    func wait(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { return nil }
        return process.terminationStatus
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    deinit { if process.isRunning { process.terminate() } }
}

/// Waits (real time) until `condition` holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return try condition()
}

/// The latest meeting in the database at `path`, as stored.
func latestMeeting(in path: URL) throws -> MeetingLog? {
    let store = try MeetingStore.openFile(at: path.path)
    return try store.latestMeetingID().flatMap { try store.meeting(id: $0) }
}

/// Runs `path arguments…` with `environment` added, stdin from /dev/null and the outputs in
/// files, waiting up to `seconds`; returns the exit status (or -1 if it had to be killed).
func spawnAndWait(
    _ path: String, _ arguments: [String], environment: [String: String], stdout: String, stderr: String,
    seconds: Double
) throws -> Int32 {
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // The child starts with no signals blocked or ignored, whatever the test runner did.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    var all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
        throw CocoaError(
            .executableLoad,
            userInfo: [NSLocalizedDescriptionKey: "cannot run \(path): \(String(cString: strerror(spawned)))"])
    }
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while Date() < deadline {
        if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xff }
        Thread.sleep(forTimeInterval: 0.05)
    }
    kill(pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    return -1
}
