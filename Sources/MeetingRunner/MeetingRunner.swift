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
public struct MeetingRunner {
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
        public var meetingID: Int64
        public var durationFrames: Int64
        public var sampleRate: Int
        /// Database write transactions used for the meeting's timings.
        public var batches: Int
    }

    /// Runs the meeting on `source` to its end and stores it. `observe` sees every tracker
    /// output as it happens (for a live view, chimes, or an RTTM writer).
    ///
    /// When the source fails part way, the meeting up to then is stored, marked
    /// interrupted, and the error says so.
    public func run(source: any AudioSource, observe: (TrackerOutput) -> Void = { _ in }) throws -> Outcome {
        let format = source.format
        var detector = try SpeechDetector(
            channelCount: format.channelCount, sampleRate: format.sampleRate, profile: setup.profile)
        var tracker = try TurnTracker(
            plan: setup.plan, sampleRate: format.sampleRate, channelCount: format.channelCount)
        let meetingID: Int64
        do {
            meetingID = try store.beginMeeting(MeetingLog(
                startedAt: setup.startedAt, sampleRate: format.sampleRate, durationFrames: 0,
                source: source.name, status: .running, group: setup.group,
                facilitator: setup.facilitator, plan: setup.plan))
        } catch {
            throw RunnerError.storeFailed(meetingID: nil, reason: "\(error)")
        }
        logger.info("meeting started", metadata: ["meeting": "\(meetingID)", "source": "\(source.name)"])
        var recorder = MeetingRecorder(store: store, meetingID: meetingID)
        let flushFrames = max(1, Int64(setup.flushInterval * Double(format.sampleRate)))
        var nextFlush = flushFrames
        var framesRead: Int64 = 0
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: setup.blockFrames * format.channelCount)
        defer { buffer.deallocate() }

        func handle(_ frame: ActivityFrame) {
            tracker.process(frame) { output in
                recorder.record(output)
                observe(output)
            }
        }

        do {
            while true {
                let frames = try source.read(into: buffer)
                if frames == 0 { break }
                framesRead += Int64(frames)
                detector.process(UnsafeBufferPointer(buffer), frameCount: frames, emit: handle)
                if framesRead >= nextFlush {
                    try flush(&recorder, meetingID: meetingID)
                    nextFlush = framesRead + flushFrames
                }
            }
        } catch let error as RunnerError {
            throw error
        } catch {
            let reason = String(describing: error)
            try close(&detector, &tracker, &recorder, at: framesRead, status: .interrupted, observe: observe)
            throw RunnerError.sourceFailed(
                meetingID: meetingID, atSeconds: Double(framesRead) / Double(format.sampleRate), reason: reason)
        }
        try close(&detector, &tracker, &recorder, at: framesRead, status: .finished, observe: observe)
        logger.info("meeting finished", metadata: ["meeting": "\(meetingID)", "batches": "\(recorder.flushCount)"])
        return Outcome(
            meetingID: meetingID, durationFrames: framesRead, sampleRate: format.sampleRate,
            batches: recorder.flushCount)
    }

    /// Flushes the detector and tracker at `end`, writes the last batch and closes the meeting.
    private func close(
        _ detector: inout SpeechDetector, _ tracker: inout TurnTracker, _ recorder: inout MeetingRecorder,
        at end: Int64, status: MeetingStatus, observe: (TrackerOutput) -> Void
    ) throws {
        detector.finish { frame in
            tracker.process(frame) { output in
                recorder.record(output)
                observe(output)
            }
        }
        tracker.finish(at: end) { output in
            recorder.record(output)
            observe(output)
        }
        try flush(&recorder, meetingID: recorder.meetingID)
        do {
            try store.finishMeeting(
                id: recorder.meetingID, durationFrames: end, status: status, attendance: tracker.attendance)
        } catch {
            throw RunnerError.storeFailed(meetingID: recorder.meetingID, reason: "\(error)")
        }
    }

    private func flush(_ recorder: inout MeetingRecorder, meetingID: Int64) throws {
        do {
            try recorder.flush()
        } catch {
            throw RunnerError.storeFailed(meetingID: meetingID, reason: "\(error)")
        }
    }
}
