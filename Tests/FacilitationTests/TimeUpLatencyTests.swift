import Facilitation
import Testing
import TestSupport
import VoiceActivity

/// The time-up cue must not wait out the detector's look-ahead: the tracker takes the end of a
/// slot from each decision's `leading` hop (issue 6: ≤ 100 ms of audio from the slot's end to
/// the chime reaching ALSA).
@Suite struct TimeUpLatencyTests {
    static let rate = 16_000

    /// Ana speaks during `spans` (seconds); her 5 s slot ends at 5 s. One room microphone, or
    /// (`lapel`) one each, Ana's voice reaching Ben's 18 dB down, while Ben answers from 8.5 s.
    static func meeting(_ spans: [(Double, Double)], lapel: Bool) -> [Float] {
        func burst(_ from: Double, _ to: Double, pitch: Double) -> [Float] {
            var voice = [Float](repeating: 0, count: 10 * rate)
            let sound = SyntheticSignals.voicedBurst(
                count: Int((to - from) * Double(rate)), pitch: pitch, sampleRate: rate, dBFS: -22, syllableRate: 4)
            SyntheticSignals.add(sound, into: &voice, at: Int(from * Double(rate)))
            return voice
        }
        var ana = [Float](repeating: 0, count: 10 * rate)
        for (from, to) in spans { SyntheticSignals.add(burst(from, to, pitch: 140), into: &ana, at: 0) }
        guard lapel else {
            SyntheticSignals.add(SyntheticSignals.pinkNoise(count: 10 * rate, dBFS: -55, seed: 7), into: &ana, at: 0)
            return ana
        }
        let ben = burst(8.5, 9.8, pitch: 210)
        return SyntheticSignals.interleave(
            SyntheticSignals.bleedMix(voices: [ana, ben], bleedDB: -18, delay: 40, noiseDBFS: -55, seed: 7))
    }

    /// Speaking through the end of the slot, mid-sentence.
    static let throughTheEnd = [(1.125, 8.0)]  // a syllable's peak at 5 s
    /// A breath across the end: quiet from 4.8 s, on again at 5.4 s.
    static let breathAcrossTheEnd = [(1.0, 4.8), (5.4, 8.0)]

    /// Runs detector and tracker 10 ms at a time, as the live runner does; returns each event
    /// with the audio fed when it was emitted.
    static func run(
        _ spans: [(Double, Double)] = throughTheEnd, lapel: Bool = false, anticipating: Bool
    ) throws -> [(event: FacilitationEvent, heard: Int64)] {
        let audio = meeting(spans, lapel: lapel)
        let channels = lapel ? 2 : 1
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 5, warningBefore: 2)
        var detector = try SpeechDetector(channelCount: channels, sampleRate: rate, profile: .builtIn)
        var tracker = try TurnTracker(plan: plan, sampleRate: rate, channelCount: channels)
        var events: [(FacilitationEvent, Int64)] = []
        var fed: Int64 = 0
        let feed = { (frame: ActivityFrame) in
            var frame = frame
            if !anticipating { frame = ActivityFrame(start: frame.start, length: frame.length, speaking: frame.speaking) }
            tracker.process(frame) { if case .event(let e) = $0 { events.append((e, fed)) } }
        }
        let block = rate / 100
        audio.withUnsafeBufferPointer { samples in
            var at = 0
            while at < samples.count {
                let n = min(block * channels, samples.count - at)
                fed += Int64(n / channels)
                detector.process(
                    UnsafeBufferPointer(rebasing: samples[at..<(at + n)]), frameCount: n / channels, emit: feed)
                at += n
            }
        }
        detector.finish(emit: feed)
        return events
    }

    @Test(arguments: [false, true])
    func theOverrunIsDecidedWithinTwoHopsOfTheSlotsEnd(lapel: Bool) throws {
        let events = try Self.run(lapel: lapel, anticipating: true)
        let overrun = try #require(events.first { $0.event.kind == .overrun })
        #expect(overrun.event.start == Int64(5 * Self.rate))
        #expect(overrun.event.participants == [0])
        let lateMs = Double(overrun.heard - overrun.event.start) / Double(Self.rate) * 1000
        #expect(lateMs <= 20, "decided \(lateMs) ms of audio after the slot's end")
        let warning = try #require(events.first { $0.event.kind == .warning })
        #expect(warning.event.start == Int64(3 * Self.rate))
        #expect(warning.heard - warning.event.start <= Int64(Self.rate / 50))
    }

    @Test func aBreathAcrossTheEndRingsWhenTheOwnerCarriesOn() throws {
        let events = try Self.run(Self.breathAcrossTheEnd, anticipating: true)
        let overrun = try #require(events.first { $0.event.kind == .overrun })
        #expect(overrun.event.start == Int64(5 * Self.rate))
        // Decided once the detector is sure she is speaking again (its minimum run, 60 ms),
        // not its full look-ahead later.
        let afterResuming = Double(overrun.heard) / Double(Self.rate) - 5.4
        #expect(afterResuming >= 0 && afterResuming <= 0.1, "decided \(afterResuming) s after she carried on")
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func lookingAheadChangesWhenNotWhat(breath: Bool, lapel: Bool) throws {
        let spans = breath ? Self.breathAcrossTheEnd : Self.throughTheEnd
        let early = try Self.run(spans, lapel: lapel, anticipating: true)
        let late = try Self.run(spans, lapel: lapel, anticipating: false)
        #expect(early.map(\.event) == late.map(\.event))
        #expect(late.contains { $0.event.kind == .overrun })
        // Without the look-ahead the same overrun waits for the detector's delay.
        let lateOverrun = try #require(late.first { $0.event.kind == .overrun })
        let earlyOverrun = try #require(early.first { $0.event.kind == .overrun })
        #expect(lateOverrun.heard - earlyOverrun.heard > Int64(Self.rate / 10))
    }
}
