import Foundation

/// Runs the built `turnkeeper` binary as a person would, for end-to-end tests.
public struct CommandRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let executable: URL
    /// Extra environment (e.g. TURNKEEPER_DB); the rest is inherited.
    public var environment: [String: String]

    /// Finds `turnkeeper` beside the test bundle (SwiftPM builds it into the same folder).
    public init(environment: [String: String] = [:]) throws {
        let candidates = [
            Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        guard let found = candidates.map({ $0.appendingPathComponent("turnkeeper") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "turnkeeper binary not found; run `swift build` first"])
        }
        self.executable = found
        self.environment = environment
    }

    /// Runs `turnkeeper arguments…` to completion.
    public func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Outputs go to files, so neither stream can fill a pipe and block the child.
        let folder = try makeTemporaryDirectory("turnkeeper-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A fresh temporary folder, removed by the caller when done.
public func makeTemporaryDirectory(_ prefix: String = "turnkeeper-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
