import Foundation

/// Deterministic speech-like test audio for the benchmarks: per person, noise shaped into
/// syllables (4-5 per second) grouped into phrases with pauses; each microphone carries its
/// owner's voice, everyone else's at -18 dB (bleed), and its own room noise at about -70 dBFS.
///
/// Made once before measuring; the benchmarks cycle through it block by block, so the detector
/// sees onsets, pauses, bleed and overlap as in a meeting, not a steady tone.
enum SpeechLikeSignal {
    /// SplitMix64, so every run measures the same samples.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// Uniform in -1..<1.
        mutating func signed() -> Float { Float(Double(next() >> 11) / Double(1 << 53) * 2 - 1) }
    }

    /// `seconds` of interleaved audio, `channels` microphones at `sampleRate`.
    static func interleaved(channels: Int, sampleRate: Int, seconds: Int, seed: UInt64 = 1) -> [Float] {
        let frames = sampleRate * seconds
        var rng = Generator(state: seed)
        var voices = [[Float]](repeating: [], count: channels)
        for person in 0..<channels {
            voices[person] = voice(frames: frames, sampleRate: sampleRate, person: person, of: channels, rng: &rng)
        }
        let bleed: Float = 0.126  // -18 dB
        var out = [Float](repeating: 0, count: frames * channels)
        for i in 0..<frames {
            var total: Float = 0
            for person in 0..<channels { total += voices[person][i] }
            for c in 0..<channels {
                let own = voices[c][i]
                out[i * channels + c] = own + bleed * (total - own) + 0.0003 * rng.signed()
            }
        }
        return out
    }

    /// One person's voice: they speak in their share of each 2 s × people cycle, plus a short
    /// interjection now and then, as syllable-shaped noise band-limited by a one-pole filter.
    private static func voice(
        frames: Int, sampleRate: Int, person: Int, of people: Int, rng: inout Generator
    ) -> [Float] {
        var out = [Float](repeating: 0, count: frames)
        let turn = 2 * sampleRate
        let cycle = turn * max(people, 1)
        let syllable = sampleRate / 5
        var low: Float = 0
        for i in 0..<frames {
            let inCycle = i % cycle
            let ownTurn = inCycle / turn == person
            let interjection = people > 1 && (inCycle / turn == (person + 1) % people) && (inCycle % turn) < syllable
            guard ownTurn || interjection else {
                low = 0
                continue
            }
            let phase = Float(i % syllable) / Float(syllable)
            let envelope = sin(Float.pi * phase)
            let pause = (inCycle % turn) > turn * 9 / 10  // a breath at the end of each turn
            low += 0.3 * (rng.signed() - low)
            out[i] = pause ? 0 : 0.1 * envelope * low
        }
        return out
    }
}
