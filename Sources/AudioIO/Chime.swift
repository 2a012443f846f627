#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The cues TurnKeeper plays, synthesized in code (no sound files): gentle, like a bell the
/// facilitator would ring, never loud enough to cut anyone off.
///
/// Every chime rises from silence and fades back to it (raised-cosine attack and release),
/// so it starts and ends without a click, and its peak is a fixed fraction of `volume`.
public enum Chime: String, Sendable, Hashable, CaseIterable {
    /// "One minute left": a soft two-tone, `warningTones.0` then `warningTones.1`.
    case warning
    /// "Time is up": a clear bell, decaying partials over `bellFundamental`.
    case timeUp
    /// Cross-talk: a short low tick at `tickFrequency`.
    case crossTalk

    /// The two tones of `warning`, in Hz (E5 then A5, a rising fourth).
    public static let warningTones = (first: 659.26, second: 880.0)
    /// The strike note of `timeUp`, in Hz (G5).
    public static let bellFundamental = 784.0
    /// The pitch of `crossTalk`, in Hz.
    public static let tickFrequency = 220.0

    /// How long the chime lasts, in seconds.
    public var duration: Double {
        switch self {
        case .warning: 0.7
        case .timeUp: 2.0
        case .crossTalk: 0.08
        }
    }

    /// The chime's peak as a fraction of `volume`: the warning is softer than the bell.
    public var level: Float {
        switch self {
        case .warning: 0.5
        case .timeUp: 0.8
        case .crossTalk: 0.4
        }
    }

    /// The chime as mono samples at `sampleRate`, peaking at `level × volume` (`volume` is
    /// clamped to 0...1; 0 gives silence of the same length).
    public func samples(sampleRate: Int, volume: Float) -> [Float] {
        let rate = Double(max(sampleRate, 1))
        let count = max(1, Int((duration * rate).rounded()))
        var out = [Float](repeating: 0, count: count)
        switch self {
        case .warning:
            // Two notes of 0.3 s with a 0.1 s breath between, each with its own soft envelope.
            let note = Int(0.3 * rate)
            let gap = Int(0.1 * rate)
            Self.addTone(&out, from: 0, count: note, frequency: Self.warningTones.first, rate: rate, fade: 0.04)
            Self.addTone(
                &out, from: note + gap, count: note, frequency: Self.warningTones.second, rate: rate, fade: 0.04)
        case .timeUp:
            // Partials of a church-bell spectrum (hum, prime, minor third, fifth, nominal…),
            // the higher ones dying away faster.
            let partials: [(ratio: Double, amplitude: Double, decay: Double)] = [
                (0.5, 0.35, 1.2), (1.0, 1.0, 0.9), (1.2, 0.45, 0.6), (1.5, 0.3, 0.5),
                (2.0, 0.4, 0.4), (2.5, 0.15, 0.3), (3.0, 0.1, 0.25),
            ]
            for i in 0..<count {
                let t = Double(i) / rate
                var value = 0.0
                for p in partials {
                    value += p.amplitude * exp(-t / p.decay) * sin(2 * .pi * Self.bellFundamental * p.ratio * t)
                }
                out[i] = Float(value)
            }
            Self.applyFades(&out, attack: Int(0.005 * rate), release: Int(0.3 * rate))
        case .crossTalk:
            for i in 0..<count {
                let t = Double(i) / rate
                out[i] = Float(exp(-t / 0.02) * sin(2 * .pi * Self.tickFrequency * t))
            }
            Self.applyFades(&out, attack: Int(0.004 * rate), release: Int(0.02 * rate))
        }
        let peak = out.reduce(0) { max($0, abs($1)) }
        let target = level * min(max(volume.isNaN ? 0 : volume, 0), 1)
        guard peak > 0 else { return out }
        let scale = target / peak
        return out.map { $0 * scale }
    }

    /// Adds a sine of `frequency` over `count` samples from `start`, with raised-cosine fades
    /// of `fade` seconds at both ends.
    private static func addTone(
        _ out: inout [Float], from start: Int, count: Int, frequency: Double, rate: Double, fade: Double
    ) {
        let end = min(out.count, start + count)
        guard end > start else { return }
        var tone = (start..<end).map { Float(sin(2 * .pi * frequency * Double($0 - start) / rate)) }
        applyFades(&tone, attack: Int(fade * rate), release: Int(fade * rate))
        for i in start..<end { out[i] += tone[i - start] }
    }

    /// Multiplies the first `attack` and last `release` samples by a raised-cosine ramp, so
    /// the sound starts and ends at zero.
    private static func applyFades(_ x: inout [Float], attack: Int, release: Int) {
        let n = x.count
        let a = min(attack, n)
        for i in 0..<a { x[i] *= Float(0.5 - 0.5 * cos(.pi * Double(i) / Double(a))) }
        let r = min(release, n)
        for i in 0..<r { x[n - 1 - i] *= Float(0.5 - 0.5 * cos(.pi * Double(i) / Double(r))) }
    }
}
