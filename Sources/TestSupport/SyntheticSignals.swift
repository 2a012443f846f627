import Foundation

/// Deterministic test signals for the detector: noise of several colours, mains hum, voice-like
/// bursts, clicks, and the mixes one microphone per person produces (bleed from neighbours).
///
/// Levels are RMS in dBFS (a full-scale sine is -3 dBFS). Every generator takes a seed and gives
/// the same samples on every run and platform.
public enum SyntheticSignals {
    /// SplitMix64: small, fast and the same everywhere (the standard generator is not seedable).
    public struct SeededGenerator: RandomNumberGenerator, Sendable {
        private var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A uniform value in -1..<1.
        mutating func nextSigned() -> Float { Float(Double(next() >> 11) / Double(1 << 53) * 2 - 1) }
    }

    /// Scales `signal` so that its RMS is `dBFS`; silence stays silence.
    public static func normalized(_ signal: [Float], toDBFS dBFS: Double) -> [Float] {
        let power = signal.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(signal.count, 1))
        guard power > 0 else { return signal }
        let gain = Float(pow(10, dBFS / 20) / power.squareRoot())
        return signal.map { $0 * gain }
    }

    /// White noise.
    public static func whiteNoise(count: Int, dBFS: Double, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        return normalized((0..<count).map { _ in rng.nextSigned() }, toDBFS: dBFS)
    }

    /// Pink (1/f) noise, from Paul Kellet's economy filter over white noise.
    public static func pinkNoise(count: Int, dBFS: Double, seed: UInt64) -> [Float] {
        var rng = SeededGenerator(seed: seed)
        var b0: Float = 0, b1: Float = 0, b2: Float = 0
        var out = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let w = rng.nextSigned()
            b0 = 0.99765 * b0 + w * 0.0990460
            b1 = 0.96300 * b1 + w * 0.2965164
            b2 = 0.57000 * b2 + w * 1.0526913
            out[i] = b0 + b1 + b2 + w * 0.1848
        }
        return normalized(out, toDBFS: dBFS)
    }

    /// Mains hum: `frequency` (50 or 60 Hz) and its 2nd and 3rd harmonics, as a power supply or
    /// ventilation makes it.
    public static func hum(count: Int, frequency: Double, sampleRate: Int, dBFS: Double) -> [Float] {
        let w = 2 * Double.pi * frequency / Double(sampleRate)
        let out = (0..<count).map { i -> Float in
            let t = Double(i) * w
            return Float(sin(t) + 0.5 * sin(2 * t + 0.3) + 0.25 * sin(3 * t + 1.1))
        }
        return normalized(out, toDBFS: dBFS)
    }

    /// A voice-like burst: a harmonic complex on `pitch` Hz (harmonics up to 4 kHz, falling
    /// 6 dB per octave) with 5 ms raised-cosine edges, so its onset and offset are sharp and known.
    ///
    /// With a `syllableRate` (Hz) the level swings 20 dB at that rate, like syllables: two
    /// voices with different rates overlap the way people talking at once do. `dBFS` is the
    /// level before that modulation.
    public static func voicedBurst(
        count: Int, pitch: Double, sampleRate: Int, dBFS: Double, syllableRate: Double = 0
    ) -> [Float] {
        let harmonics = max(1, Int(4000 / pitch))
        let ramp = max(1, sampleRate / 200)
        var out = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let t = Double(i) / Double(sampleRate)
            var v = 0.0
            for k in 1...harmonics { v += sin(2 * Double.pi * pitch * Double(k) * t + Double(k)) / Double(k) }
            let edge = min(i, count - 1 - i)
            let envelope = edge < ramp ? 0.5 - 0.5 * cos(Double.pi * Double(edge) / Double(ramp)) : 1
            out[i] = Float(v * envelope)
        }
        out = normalized(out, toDBFS: dBFS)
        if syllableRate > 0 {
            for i in 0..<count {
                let phase = 2 * Double.pi * syllableRate * Double(i) / Double(sampleRate)
                out[i] *= Float(0.55 - 0.45 * cos(phase))
            }
        }
        return out
    }

    /// A noise burst: white noise shaped like `voicedBurst` (same edges), e.g. for clicks.
    public static func noiseBurst(count: Int, dBFS: Double, seed: UInt64) -> [Float] {
        whiteNoise(count: count, dBFS: dBFS, seed: seed)
    }

    /// Adds `signal` into `target` starting at sample `offset`, scaled by `gainDB`; what falls
    /// past the end is dropped.
    public static func add(_ signal: [Float], into target: inout [Float], at offset: Int, gainDB: Double = 0) {
        let gain = Float(pow(10, gainDB / 20))
        for i in signal.indices where offset + i >= 0 && offset + i < target.count {
            target[offset + i] += signal[i] * gain
        }
    }

    /// Interleaves equal-length channels into frames (`[c0, c1, …, c0, c1, …]`).
    public static func interleave(_ channels: [[Float]]) -> [Float] {
        let frames = channels.map(\.count).min() ?? 0
        var out = [Float](repeating: 0, count: frames * channels.count)
        for (c, channel) in channels.enumerated() {
            for f in 0..<frames { out[f * channels.count + c] = channel[f] }
        }
        return out
    }

    /// One microphone per person: microphone `i` hears voice `i` plus every other voice `j`
    /// `bleedDB` lower and `delay` samples later, plus its own independent noise.
    public static func bleedMix(
        voices: [[Float]], bleedDB: Double, delay: Int, noiseDBFS: Double, seed: UInt64
    ) -> [[Float]] {
        let count = voices.map(\.count).max() ?? 0
        return voices.indices.map { i in
            var mic = pinkNoise(count: count, dBFS: noiseDBFS, seed: seed &+ UInt64(i))
            for (j, voice) in voices.enumerated() {
                add(voice, into: &mic, at: i == j ? 0 : delay, gainDB: i == j ? 0 : bleedDB)
            }
            return mic
        }
    }
}
