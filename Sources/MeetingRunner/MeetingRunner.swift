import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingStore
import VoiceActivity

/// Runs one meeting: audio source → speech detector → turn tracker → sinks (the store, and an
/// observer for whatever shows or sounds the events).
///
/// Offline it reads as fast as the source gives audio; a live source paces it. Either way
/// time is the audio's: the tracker's timers run on sample frames, so an offline run of a
/// recording decides exactly what the live meeting would have.
public struct MeetingRunner: Sendable {
    public let setup: MeetingSetup
    let store: MeetingStore
    let logger: Logger

    public init(setup: MeetingSetup, store: MeetingStore, logger: Logger) {
        self.setup = setup
        self.store = store
        self.logger = logger
    }

    /// What a finished run produced.
    public struct Outcome: Sendable {
        /// Creates an outcome (the runners do; tests compare them).
        public init(meetingID: Int64, durationFrames: Int64, sampleRate: Int, batches: Int, droppedFrames: Int = 0) {
            self.meetingID = meetingID
            self.durationFrames = durationFrames
            self.sampleRate = sampleRate
            self.batches = batches
            self.droppedFrames = droppedFrames
        }
        public var meetingID: Int64
        public var durationFrames: Int64
        public var sampleRate: Int
        /// Database write transactions used for the meeting's timings.
        public var batches: Int
        /// Live: detector decisions dropped because the consumer fell behind (0 offline).
        public var droppedFrames: Int
    }

    /// Runs the meeting on `source` to its end and stores it. `observe` sees every tracker
    /// output as it happens (for a live view, chimes, or an RTTM writer).
    ///
    /// When the source fails part way, the meeting up to then is stored, marked
    /// interrupted, and the error says so.
    public func run(source: any AudioSource, observe: (TrackerOutput) -> Void = { _ in }) throws -> Outcome {
        let format = source.format
        var (detector, session) = try begin(source)
        let meetingID = session.meetingID
        logger.info("meeting started", metadata: ["meeting": "\(meetingID)", "source": "\(source.name)"])
        let flushFrames = max(1, Int64(setup.flushInterval * Double(format.sampleRate)))
        var nextFlush = flushFrames
        var framesRead: Int64 = 0
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: setup.blockFrames * format.channelCount)
        defer { buffer.deallocate() }

        do {
            while true {
                let frames = try source.read(into: buffer)
                if frames == 0 { break }
                framesRead += Int64(frames)
                detector.process(UnsafeBufferPointer(buffer), frameCount: frames) {
                    session.handle($0, observe: observe)
                }
                if framesRead >= nextFlush {
                    try session.flush()
                    nextFlush = framesRead + flushFrames
                }
            }
        } catch let error as RunnerError {
            throw error
        } catch {
            let reason = String(describing: error)
            detector.finish { session.handle($0, observe: observe) }
            try session.close(at: framesRead, status: .interrupted, observe: observe)
            throw RunnerError.sourceFailed(
                meetingID: meetingID, atSeconds: Double(framesRead) / Double(format.sampleRate), reason: reason)
        }
        detector.finish { session.handle($0, observe: observe) }
        try session.close(at: framesRead, status: .finished, observe: observe)
        logger.info(
            "meeting finished", metadata: ["meeting": "\(meetingID)", "batches": "\(session.recorder.flushCount)"])
        return Outcome(
            meetingID: meetingID, durationFrames: framesRead, sampleRate: format.sampleRate,
            batches: session.recorder.flushCount)
    }

    /// What every run starts with, offline or live: a detector for the source's format and the
    /// meeting begun in the store (the plan checked against the channels first, so a plan that
    /// does not fit stores nothing).
    func begin(_ source: any AudioSource) throws -> (SpeechDetector, MeetingSession) {
        let format = source.format
        let detector = try SpeechDetector(
            channelCount: format.channelCount, sampleRate: format.sampleRate, profile: setup.profile)
        let session = try MeetingSession.begin(
            setup: setup, store: store, sampleRate: format.sampleRate, channelCount: format.channelCount,
            sourceName: source.name)
        return (detector, session)
    }
}
