import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingRunner
import MeetingStore
import VoiceActivity

/// A detector fed one 100 ms block per step from ten seconds of speech-like audio, cycled.
/// Made before measuring; `step` is what the benchmark measures.
final class DetectorFixture: @unchecked Sendable {
    private var detector: SpeechDetector
    private let audio: [Float]
    let channels: Int
    let blockFrames: Int
    private let totalFrames: Int
    private var offset = 0
    /// Speaking channel-hops seen, so the work cannot be optimised away.
    private(set) var speakingHops = 0

    init(channels: Int, sampleRate: Int) throws {
        self.channels = channels
        blockFrames = sampleRate / 10
        totalFrames = sampleRate * 10
        audio = SpeechLikeSignal.interleaved(channels: channels, sampleRate: sampleRate, seconds: 10)
        detector = try SpeechDetector(channelCount: channels, sampleRate: sampleRate, profile: .builtIn)
        for _ in 0..<(totalFrames / blockFrames) { step() }  // past the start-up: steady state
    }

    /// Feeds the next block.
    func step() {
        let start = offset * channels
        let end = start + blockFrames * channels
        var seen = 0
        audio.withUnsafeBufferPointer { all in
            let block = UnsafeBufferPointer(rebasing: all[start..<end])
            detector.process(block, frameCount: blockFrames) { frame in seen &+= frame.speaking.count }
        }
        speakingHops &+= seen
        offset = (offset + blockFrames) % totalFrames
    }
}

/// Reads a whole WAV file in blocks into one reused buffer (the runner's way of reading).
final class WAVReadFixture: @unchecked Sendable {
    let path: String
    private let buffer: UnsafeMutableBufferPointer<Float>

    init(path: String, channels: Int, blockFrames: Int) {
        self.path = path
        buffer = .allocate(capacity: channels * blockFrames)
        buffer.initialize(repeating: 0)
    }

    deinit { buffer.deallocate() }

    /// Opens the file, reads it to the end and returns the frames read.
    func readAll() throws -> Int {
        let source = try WAVFileSource(path: path)
        var total = 0
        while true {
            let frames = try source.read(into: buffer)
            if frames == 0 { return total }
            total += frames
        }
    }
}

/// A turn tracker for six people with a microphone each, fed 10 s of detector decisions per step
/// (the decisions the detector made on speech-like audio, replayed with advancing time).
final class TrackerFixture: @unchecked Sendable {
    private var tracker: TurnTracker
    private let pattern: [ChannelSet]
    private let hop: Int
    private var position: Int64 = 0
    private var index = 0
    private(set) var outputs = 0

    init(mode: MeetingMode) throws {
        let sampleRate = 16000
        hop = sampleRate / 100
        let audio = SpeechLikeSignal.interleaved(channels: 6, sampleRate: sampleRate, seconds: 60)
        var detector = try SpeechDetector(channelCount: 6, sampleRate: sampleRate, profile: .builtIn)
        var pattern: [ChannelSet] = []
        audio.withUnsafeBufferPointer { all in
            detector.process(all, frameCount: all.count / 6) { pattern.append($0.speaking) }
        }
        detector.finish { pattern.append($0.speaking) }
        self.pattern = pattern
        let people = (0..<6).map { Participant(name: "P\($0 + 1)", channel: $0) }
        let plan = MeetingPlan(mode: mode, participants: people, meetingLength: 3600)
        tracker = try TurnTracker(plan: plan, sampleRate: sampleRate, channelCount: 6)
    }

    /// Feeds the next 1000 decisions (10 s of audio).
    func step() {
        var count = 0
        for _ in 0..<1000 {
            let frame = ActivityFrame(start: position, length: hop, speaking: pattern[index])
            tracker.process(frame) { _ in count &+= 1 }
            position += Int64(hop)
            index = (index + 1) % pattern.count
        }
        outputs &+= count
    }
}

/// A file-backed store with one meeting of six people begun, for batch inserts.
final class StoreFixture: @unchecked Sendable {
    let store: MeetingStore
    let meetingID: Int64
    let folder: String
    private var position: Int64 = 0

    init() throws {
        folder = NSTemporaryDirectory() + "turnkeeper-bench-store-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        store = try MeetingStore.openFile(at: folder + "/meetings.sqlite")
        let people = (0..<6).map { Participant(name: "P\($0 + 1)", channel: $0) }
        meetingID = try store.beginMeeting(
            MeetingLog(
                startedAt: Date(), sampleRate: 16000, durationFrames: 0, source: "bench", status: .running,
                plan: MeetingPlan(mode: .open, participants: people)))
    }

    /// Appends one batch in one transaction: 60 segments, 6 events (two people each), 2 turns.
    func step() throws {
        var segments: [SpeechSegment] = []
        var events: [FacilitationEvent] = []
        var turns: [Turn] = []
        for i in 0..<60 {
            let start = position + Int64(i) * 8000
            segments.append(SpeechSegment(participant: i % 6, channel: i % 6, start: start, end: start + 6000))
        }
        for i in 0..<6 {
            let start = position + Int64(i) * 80000
            events.append(
                FacilitationEvent(
                    kind: .crossTalk, start: start, end: start + 9000, participants: [i % 6, (i + 1) % 6]))
        }
        turns.append(Turn(holder: 0, start: position, end: position + 200_000))
        turns.append(Turn(holder: 1, start: position + 200_000, end: position + 480_000))
        try store.append(meetingID: meetingID, segments: segments, events: events, turns: turns)
        position += 480_000
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// `analyze` end to end without the report: WAV → detector → tracker → store, as the command runs it.
enum EndToEnd {
    /// The long meeting made by scripts/make-long-meeting (or TURNKEEPER_LONG_WAV).
    static var longMeetingPath: String {
        ProcessInfo.processInfo.environment["TURNKEEPER_LONG_WAV"]
            ?? "/tmp/turnkeeper-long/meeting-60m-6ch-16k.wav"
    }

    /// Analyses `path` into a fresh database file and returns the channel-seconds of audio read.
    static func analyze(path: String) throws -> Double {
        let folder = NSTemporaryDirectory() + "turnkeeper-bench-e2e-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try MeetingStore.openFile(at: folder + "/meetings.sqlite")
        let source = try WAVFileSource(path: path)
        let channels = source.format.channelCount
        let people = (0..<channels).map { Participant(name: "P\($0 + 1)", channel: $0) }
        let setup = MeetingSetup(
            plan: MeetingPlan(mode: .open, participants: people), profile: .builtIn, startedAt: Date(),
            flushInterval: 10)
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try MeetingRunner(setup: setup, store: store, logger: logger).run(source: source)
        return Double(outcome.durationFrames) * Double(channels) / Double(outcome.sampleRate)
    }
}

/// CPU time of this process so far, in seconds (user + system).
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
