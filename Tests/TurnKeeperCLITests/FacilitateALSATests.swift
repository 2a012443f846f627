import AudioIO
import Facilitation
import Foundation
import MeetingStore
import TestSupport
import Testing

/// `facilitate` and `calibrate` through libasound, with ALSA's `file` plugin as the sound card:
/// a raw PCM file (or a named pipe) as the microphones, a WAV file as the chime speaker.
@Suite(.serialized) struct FacilitateALSATests {
    static let rate = 16_000
    static let slot = 10.0
    static let people = ["Ana", "Ben", "Caro", "Dev", "Eve", "Finn"]
    /// Who talks past the end of their slot.
    static let overrunners: Set<Int> = [1, 4]

    /// Six microphones, one per person, 62 s: each person talks in their own 10 s slot (real
    /// synthetic speech from the demo meeting); Ben and Eve talk about 3 s past their slot's end.
    /// Faint noise on every channel, as real microphones have.
    static func sixChannelMeeting() throws -> [Float] {
        let demo = try WAVFileSource(path: DemoMeeting.wav.path)
        var speech = [Float](repeating: 0, count: demo.header.frameCount)
        _ = try speech.withUnsafeMutableBufferPointer { try demo.read(into: $0) }
        func part(_ from: Double, _ to: Double) -> ArraySlice<Float> {
            speech[Int(from * Double(rate))..<Int(to * Double(rate))]
        }
        let channels = people.count
        let frames = 62 * rate
        var samples = [Float](repeating: 0, count: frames * channels)
        var seed: UInt64 = 11
        for i in samples.indices {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            samples[i] = (Float(seed >> 40) / Float(1 << 24) - 0.5) * 0.0015
        }
        for person in 0..<channels {
            let slotEnd = slot * Double(person + 1)
            // The demo's Ben speaks from 16.5 s across his slot's end at 26 s until 28.96 s.
            let (piece, at) =
                overrunners.contains(person)
                ? (part(16.5, 28.963), slotEnd - 9.5)
                : (part(0.5, 6.0), slotEnd - slot + 3.5)
            let start = Int(at * Double(rate))
            for (offset, value) in piece.enumerated() {
                samples[(start + offset) * channels + person] += value
            }
        }
        return samples
    }

    /// The chimes the playback device should have received, in order, for `events`.
    static func expectedChimes(_ events: [FacilitationEvent], sampleRate: Int) -> [Float] {
        events.flatMap { event -> [Float] in
            switch event.kind {
            case .warning: Chime.warning.samples(sampleRate: sampleRate, volume: 0.5)
            case .overrun: Chime.timeUp.samples(sampleRate: sampleRate, volume: 0.5)
            default: []
            }
        }
    }

    @Test func aSixChannelMeetingStoresAlertsAtTheirAudioTimesWithOneChimeEach() throws {
        // Given a 6-channel recording as a file-backed capture PCM and a WAV-backed chime PCM
        let cli = try CLIFixture()
        defer { cli.remove() }
        let raw = cli.file("mics.raw")
        let bell = cli.file("bell.wav")
        try ALSAFixtures.writeRaw(Self.sixChannelMeeting(), to: raw)
        let config = try ALSAFixtures.configFile(
            definitions: ALSAConfiguration.fileCaptureDefinition(name: "mics", rawFile: raw.path)
                + ALSAConfiguration.filePlaybackDefinition(name: "bell", wavFile: bell.path),
            in: cli.folder)
        var runner = cli.runner
        runner.environment.merge(ALSAFixtures.environment(configFile: config)) { $1 }
        // When
        let result = try runner.run([
            "facilitate", "--device", "mics", "--channels", "6", "--rate", "16000", "--participants",
            Self.people.joined(separator: ","), "--mode", "rounds", "--meeting-length", "60s", "--warning", "4s",
            "--chime-device", "bell", "--stop-after", "62s", "--socket", cli.file("tk.sock").path,
        ])
        // Then warnings 4 s before each slot's end and overruns at Ben's and Eve's slot ends
        #expect(result.status == 0, "\(result.stderr)")
        let log = try #require(try latestMeeting(in: cli.database))
        #expect(log.status == .finished)
        #expect(log.durationFrames == Int64(62 * Self.rate))
        #expect(log.source == "mics")
        let warnings = log.events.filter { $0.kind == .warning }
        let overruns = log.events.filter { $0.kind == .overrun }
        let plannedWarnings = (1...6).map { Double($0) * Self.slot - 4 }
        let plannedOverruns = Self.overrunners.sorted().map { Double($0 + 1) * Self.slot }
        #expect(warnings.count == plannedWarnings.count)
        for (event, planned) in zip(warnings, plannedWarnings) {
            #expect(abs(log.seconds(event.start) - planned) <= 0.2, "warning at \(log.seconds(event.start)) s")
        }
        #expect(overruns.count == plannedOverruns.count)
        for (event, planned) in zip(overruns, plannedOverruns) {
            #expect(abs(log.seconds(event.start) - planned) <= 0.2, "overrun at \(log.seconds(event.start)) s")
        }
        #expect(overruns.map(\.participants) == Self.overrunners.sorted().map { [$0] })
        // Everyone's arrival is their first speech on their own microphone
        #expect(log.attendance.allSatisfy { $0.arrivedAt != nil })
        // And the chime device received exactly one chime per alert, in order
        let played = try ALSAFixtures.readPlayback(bell)
        let alerts = log.events.filter { $0.kind == .warning || $0.kind == .overrun }
        let expected = Self.expectedChimes(alerts, sampleRate: played.format.sampleRate)
        #expect(played.format.channelCount == 1)
        #expect(played.samples.count == expected.count)
        #expect(
            ALSAFixtures.mismatch(played.samples, ALSAFixtures.quantized16(expected), tolerance: 1.0 / 32768) == nil)
    }

    @Test func aPacedPipeRunsInRealTimeAndAnswersControlWithinASecond() throws {
        // Given 12 s of the meeting written into a named pipe at real-time pace
        let cli = try CLIFixture()
        defer { cli.remove() }
        // The writer outlives the meeting: its last writes fail with EPIPE instead of a signal.
        signal(SIGPIPE, SIG_IGN)
        let samples = Array(try Self.sixChannelMeeting().prefix(12 * Self.rate * 6))
        let fifo = cli.file("mics.fifo")
        let blockFrames = 160
        let writer = try ALSAFixtures.PacedPipeWriter(
            path: fifo.path, bytes: WAVFixture.encode(samples, as: .pcm16), blockBytes: blockFrames * 6 * 2,
            interval: Double(blockFrames) / Double(Self.rate))
        writer.start()
        defer { writer.wait() }
        let config = try ALSAFixtures.configFile(
            definitions: ALSAConfiguration.fileCaptureDefinition(name: "mics", rawFile: fifo.path), in: cli.folder)
        var runner = cli.runner
        runner.environment.merge(ALSAFixtures.environment(configFile: config)) { $1 }
        let socket = cli.file("tk.sock").path
        let meeting = try BackgroundCommand(
            runner,
            [
                "facilitate", "--device", "mics", "--channels", "6", "--participants",
                Self.people.joined(separator: ","),
                "--meeting-length", "60s", "--warning", "4s", "--no-chimes", "--socket", socket,
            ],
            in: cli.folder)
        #expect(eventually { FileManager.default.fileExists(atPath: socket) })
        let started = Date()
        // When the facilitator says "next" after about 3 s, then "status", then "end" after 10 s
        Thread.sleep(forTimeInterval: 3)
        let sent = Date()
        let next = try cli.run("control", "next", "--socket", socket)
        let answeredIn = Date().timeIntervalSince(sent)
        #expect(next.status == 0, "\(next.stderr) \(meeting.stderr)")
        #expect(next.stdout == "Ben's turn\n")
        #expect(answeredIn < 1)
        Thread.sleep(forTimeInterval: max(0, 10.5 - Date().timeIntervalSince(started)))
        let status = try cli.run("control", "status", "--socket", socket)
        #expect(status.stdout.hasPrefix("Ben's turn at 0:1"))
        let end = try cli.run("control", "end", "--socket", socket)
        #expect(end.status == 0)
        #expect(meeting.wait(seconds: 5) == 0, "\(meeting.stderr)")
        // Then the meeting ran on the audio's time, as long as the wall clock
        let log = try #require(try latestMeeting(in: cli.database))
        #expect(log.status == .finished)
        let wall = Date().timeIntervalSince(started)
        #expect(log.durationSeconds >= 10)
        #expect(log.durationSeconds <= wall + 0.5)
        #expect(log.turns.map(\.holder) == [0, 1])
        let nextAt = try #require(log.turns.first?.end)
        #expect(abs(log.seconds(nextAt) - 3) < 1.5)
    }

    @Test func calibrateReadsLevelsThroughTheFilePlugin() throws {
        // Given 10 s of quiet, then a tone on channel 0 (-23 dBFS RMS), then on channel 1 (-43)
        let cli = try CLIFixture()
        defer { cli.remove() }
        let frames = 10 * Self.rate
        var samples = [Float](repeating: 0, count: 3 * frames * 2)
        var seed: UInt64 = 5
        for phase in 0..<3 {
            for i in 0..<frames {
                for channel in 0..<2 {
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    var value = (Float(seed >> 40) / Float(1 << 24) - 0.5) * 0.001 * 3.4641
                    if phase == channel + 1 {
                        let amplitude: Float = channel == 0 ? 0.1 : 0.01
                        value += amplitude * Float(sin(2 * Double.pi * 220 * Double(i) / Double(Self.rate)))
                    }
                    samples[((phase * frames) + i) * 2 + channel] = value
                }
            }
        }
        let raw = cli.file("cal.raw")
        try ALSAFixtures.writeRaw(samples, to: raw)
        let config = try ALSAFixtures.configFile(
            definitions: ALSAConfiguration.fileCaptureDefinition(name: "mics", rawFile: raw.path), in: cli.folder)
        var runner = cli.runner
        runner.environment.merge(ALSAFixtures.environment(configFile: config)) { $1 }
        // When
        let result = try runner.run(["calibrate", "--device", "mics", "--channels", "2", "--participants", "Ana,Ben"])
        // Then prompts on stderr, levels and advice on stdout
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Quiet please"))
        #expect(result.stderr.contains("Now Ben (channel 1)"))
        let rows = result.stdout.split(separator: "\n").map(String.init)
        let ana = try #require(rows.first { $0.hasPrefix("0 ") })
        let ben = try #require(rows.first { $0.hasPrefix("1 ") })
        func numbers(_ row: String) -> [Double] {
            row.split(separator: " ").compactMap { Double($0.replacingOccurrences(of: "+", with: "")) }
        }
        // channel, noise, speech, margin, gain
        #expect(abs(numbers(ana)[1] - -60) < 1.5)
        #expect(abs(numbers(ana)[2] - -23) < 1)
        #expect(abs(numbers(ben)[2] - -43) < 1)
        #expect(numbers(ben)[4] == 23)
        #expect(result.stdout.contains("channel 1: speech is quiet: raise the gain by 23 dB"))
        #expect(result.stdout.contains("profile: --profile lapel (one microphone per person"))
    }
}
