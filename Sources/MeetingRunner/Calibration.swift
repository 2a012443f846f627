import Foundation

/// Listens to a set-up and suggests how to adjust it: per channel, the noise floor in a quiet
/// room and the level of its owner's speech, in dBFS, and the gain that brings speech to a
/// comfortable level for the detector.
///
/// A value type fed blocks like the detector. The calibration has phases: one of quiet (all
/// channels), then one of speech per channel; `begin(_:)` switches phase.
public struct Calibration: Sendable {
    /// What is being listened to.
    public enum Phase: Sendable, Equatable {
        case quiet
        case speech(channel: Int)
    }

    /// The result for one channel.
    public struct ChannelResult: Sendable, Equatable {
        public var channel: Int
        /// Median 10 ms level in the quiet phase, dBFS.
        public var noiseFloor: Double
        /// 90th-percentile 10 ms level while this channel's owner spoke, dBFS.
        public var speechLevel: Double
        /// `speechLevel - noiseFloor`, dB.
        public var signalToNoise: Double { speechLevel - noiseFloor }
        /// Gain to apply (dB, whole) so speech sits near ``Calibration/targetSpeechLevel``.
        public var suggestedGain: Int
        /// A sentence for the person setting up, or `nil` when the channel is fine.
        public var advice: String?
    }

    /// Where speech should sit, dBFS (10 ms RMS, loud moments): loud enough to stand well clear
    /// of the noise, with headroom before clipping.
    public static let targetSpeechLevel = -20.0
    /// Levels below this are silence (a digital zero), dBFS.
    static let floorLevel = -120.0

    public let channelCount: Int
    public let sampleRate: Int
    let hop: Int
    private var phase: Phase = .quiet
    private var sums: [Double]
    private var filled = 0
    private var quietLevels: [[Double]]
    private var speechLevels: [[Double]]

    public init(channelCount: Int, sampleRate: Int) {
        self.channelCount = max(1, channelCount)
        self.sampleRate = sampleRate
        self.hop = max(1, sampleRate / 100)
        sums = Array(repeating: 0, count: self.channelCount)
        quietLevels = Array(repeating: [], count: self.channelCount)
        speechLevels = Array(repeating: [], count: self.channelCount)
    }

    /// Starts listening for `phase` (a partial 10 ms hop from before is dropped).
    public mutating func begin(_ phase: Phase) {
        self.phase = phase
        filled = 0
        for c in 0..<channelCount { sums[c] = 0 }
    }

    /// Feeds `frameCount` interleaved frames.
    public mutating func process(_ samples: UnsafeBufferPointer<Float>, frameCount: Int) {
        for f in 0..<frameCount {
            for c in 0..<channelCount {
                let s = Double(samples[f * channelCount + c])
                sums[c] += s * s
            }
            filled += 1
            if filled == hop {
                for c in 0..<channelCount {
                    let level = sums[c] > 0 ? max(Self.floorLevel, 10 * log10(sums[c] / Double(hop))) : Self.floorLevel
                    switch phase {
                    case .quiet: quietLevels[c].append(level)
                    case .speech(let channel) where channel == c: speechLevels[c].append(level)
                    case .speech: break
                    }
                    sums[c] = 0
                }
                filled = 0
            }
        }
    }

    /// The results, one per channel (a channel with no speech phase heard gets -120 dBFS).
    public var results: [ChannelResult] {
        (0..<channelCount).map { c in
            let noise = Self.percentile(quietLevels[c], 0.5)
            let speech = Self.percentile(speechLevels[c], 0.9)
            let gain = Int((Self.targetSpeechLevel - speech).rounded())
            let clamped = min(30, max(-20, gain))
            var advice: String?
            if speech - noise < 10 {
                advice =
                    "speech is hardly louder than the room (\(Int((speech - noise).rounded())) dB): move the microphone closer to its owner, or check it is plugged in and unmuted"
            } else if speech > -3 {
                advice = "speech is close to clipping: lower the gain by \(-clamped) dB"
            } else if abs(clamped) >= 6 {
                advice =
                    clamped > 0
                    ? "speech is quiet: raise the gain by \(clamped) dB (alsamixer, or the microphone's gain knob)"
                    : "speech is loud: lower the gain by \(-clamped) dB"
            }
            return ChannelResult(
                channel: c, noiseFloor: noise, speechLevel: speech, suggestedGain: clamped, advice: advice)
        }
    }

    /// The detector profile to start with, and why: `lapel` for one microphone per person,
    /// `noisy-room` for one microphone in a loud room, else `default` (see `Models/`).
    public var suggestedProfile: (name: String, reason: String) {
        let worstNoise = results.map(\.noiseFloor).max() ?? Self.floorLevel
        let floor = "noise floor \(Int(worstNoise.rounded())) dBFS"
        if channelCount > 1 {
            return ("lapel", "one microphone per person (\(floor))")
        }
        if worstNoise > -45 {
            return ("noisy-room", "one microphone in a loud room (\(floor)); fewer fans and a closed window help too")
        }
        return ("default", "one microphone in a quiet room (\(floor))")
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return floorLevel }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * p).rounded())))]
    }
}
