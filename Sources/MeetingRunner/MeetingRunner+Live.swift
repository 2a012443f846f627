import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingStore
import VoiceActivity

extension MeetingRunner {
    /// Runs a live meeting: `source` is read and detected on an audio thread, and the rest
    /// (tracker, chimes, commands, the store, `observe`) runs on the calling thread until the
    /// audio ends, `--stop-after` is reached, or an `end` command arrives.
    ///
    /// The same session as `run` (offline) with a different source and pace: the decisions
    /// are the same for the same audio. Batches reach the database at least every
    /// `options.flushInterval` on `clock`; a full queue drops decisions (counted, stored as a
    /// device-trouble event) rather than block the audio thread. Device faults a source
    /// reports (``DeviceFaultReporting``) become device-trouble events.
    public func runLive(
        source: any AudioSource, options: LiveOptions = LiveOptions(),
        clock: any Clock<Duration> = ContinuousClock(), controls: ControlInbox = ControlInbox(),
        chimes: (any ChimeSink)? = nil, observe: (LiveUpdate) -> Void = { _ in }
    ) throws -> Outcome {
        try runLive(source: source, options: options, on: clock, controls: controls, chimes: chimes, observe: observe)
    }

    private func runLive<C: Clock>(
        source: any AudioSource, options: LiveOptions, on clock: C, controls: ControlInbox,
        chimes: (any ChimeSink)?, observe: (LiveUpdate) -> Void
    ) throws -> Outcome where C.Duration == Duration {
        let format = source.format
        let (detector, begun) = try begin(source)
        var session = begun  // the detector moves to the audio thread; the session stays here
        let meetingID = session.meetingID
        logger.info("live meeting started", metadata: ["meeting": "\(meetingID)", "source": "\(source.name)"])
        let queue = ActivityQueue(capacity: options.queueCapacity)
        let stopAfter = options.stopAfterSeconds.map { Int64(($0 * Double(format.sampleRate)).rounded()) }
        let audio = AudioThread(
            source: source, detector: detector, queue: queue, blockFrames: setup.blockFrames, stopAfter: stopAfter)
        let faults = source as? any DeviceFaultReporting
        var flushTimer = IntervalTimer(clock: clock, interval: options.flushInterval)
        var tickTimer = IntervalTimer(clock: clock, interval: options.tickInterval, immediately: true)
        var seenDrops = 0
        var ending = false
        let nap = options.idleNap.inSeconds

        let rate = Double(format.sampleRate)
        let emit: (TrackerOutput) -> Void = { output in
            if case .event(let event) = output, let chimes, let kind = options.chimes.chime(for: event.kind) {
                chimes.chime(kind, atFrame: event.start, decidedAfter: Double(audio.framesRead - event.start) / rate)
            }
            observe(.output(output))
        }
        audio.start()
        defer {
            audio.requestStop()
            audio.join()
        }
        do {
            while true {
                let audioDone = audio.isDone
                var worked = false
                while let frame = queue.pop() {
                    session.handle(frame, observe: emit)
                    worked = true
                }
                let drops = queue.droppedCount
                if drops > seenDrops {
                    let note =
                        "\(drops - seenDrops) detector decisions (10 ms each) dropped: the program fell behind the audio"
                    logger.warning("\(note)")
                    session.record(
                        .event(
                            FacilitationEvent(
                                kind: .deviceTrouble, start: session.tracker.position, participants: [], detail: note)),
                        observe: emit)
                    seenDrops = drops
                }
                for fault in faults?.drainDeviceFaults() ?? [] {
                    logger.warning("\(fault.event.detail ?? fault.kind.rawValue)")
                    session.record(.event(fault.event), observe: emit)
                }
                for pending in controls.take() {
                    worked = true
                    let reply =
                        ending ? "error the meeting is already ending" : session.apply(pending.command, observe: emit)
                    pending.reply(reply)
                    observe(.control(pending.command, reply: reply))
                    logger.info("control: \(pending.command.text) → \(reply)")
                    if pending.command == .end && !ending {
                        ending = true
                        audio.requestStop()
                    }
                }
                if flushTimer.fire() {
                    let before = session.recorder.flushCount
                    try session.flush()
                    if session.recorder.flushCount > before { observe(.flushed(batches: session.recorder.flushCount)) }
                }
                if tickTimer.fire() { observe(.status(session.liveStatus(droppedFrames: seenDrops))) }
                if audioDone && queue.count == 0 { break }
                if !worked { Thread.sleep(forTimeInterval: nap) }
            }
        } catch {
            // The store failed: stop listening, keep what was written, say so.
            audio.requestStop()
            audio.join()
            try? store.finishMeeting(
                id: meetingID, durationFrames: audio.framesRead, status: .interrupted,
                attendance: session.tracker.attendance)
            throw error
        }
        let end = audio.framesRead
        if let reason = audio.failureReason {
            try session.close(at: end, status: .interrupted, observe: emit)
            throw RunnerError.sourceFailed(
                meetingID: meetingID, atSeconds: Double(end) / Double(format.sampleRate), reason: reason)
        }
        try session.close(at: end, status: .finished, observe: emit)
        for pending in controls.take() { pending.reply("error the meeting has ended") }
        observe(.status(session.liveStatus(droppedFrames: seenDrops)))
        logger.info(
            "live meeting finished", metadata: ["meeting": "\(meetingID)", "batches": "\(session.recorder.flushCount)"])
        return Outcome(
            meetingID: meetingID, durationFrames: end, sampleRate: format.sampleRate,
            batches: session.recorder.flushCount, droppedFrames: seenDrops)
    }
}
