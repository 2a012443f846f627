import AudioIO
import FairnessReport
import Facilitation
import Foundation
import Logging
import MeetingRunner
import MeetingStore
import VoiceActivity

/// Runs a recorded meeting through the pipeline and stores it: what `analyze` and `demo` share.
struct MeetingAnalysis {
    var source: WAVFileSource
    var plan: MeetingPlan
    var profile: DetectorProfile
    var group: String?
    var facilitator: String?
    var logger: Logger

    /// Opens `path` as a WAV file, printing its warnings.
    static func openAudio(_ path: String) throws -> WAVFileSource {
        let source = try WAVFileSource(path: path)
        for warning in source.warnings { Console.warn(warning) }
        return source
    }

    /// Runs the meeting, stores it, and returns it as stored.
    func run(store: MeetingStore) throws -> MeetingLog {
        let setup = MeetingSetup(
            plan: plan, profile: profile, startedAt: Date(), group: group, facilitator: facilitator,
            flushInterval: 10)
        let runner = MeetingRunner(setup: setup, store: store, logger: logger)
        let outcome = try runner.run(source: source)
        guard let log = try store.meeting(id: outcome.meetingID) else {
            throw CommandFailure("meeting \(outcome.meetingID) was stored but cannot be read back")
        }
        return log
    }

    /// Writes the meeting's speech as RTTM to `path`, with the audio file's name as file id.
    static func writeRTTM(_ log: MeetingLog, audioPath: String, to path: String) throws {
        let fileID = URL(fileURLWithPath: audioPath).deletingPathExtension().lastPathComponent
        try Console.emit(RTTMRenderer.render(log, fileID: fileID), to: path)
    }
}

/// The program's logger: warnings and up to stderr, or everything with `--verbose`.
func makeLogger(verbose: Bool) -> Logger {
    var logger = Logger(label: "turnkeeper") { label in StreamLogHandler.standardError(label: label) }
    logger.logLevel = verbose ? .debug : .warning
    return logger
}
