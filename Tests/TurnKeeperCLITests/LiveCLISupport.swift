import Foundation
import Facilitation
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
