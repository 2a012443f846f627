import Foundation

/// A 7-tap half-band low-pass that halves the sample rate, and the complementary high band.
///
/// Taps `[-1, 0, 9, 16, 9, 0, -1] / 32`. Every second input produces one output pair: `low`
/// (below a quarter of the input rate, to feed the next stage) and `high` (the rest, delayed to
/// match). The high band has a fourth-order zero at DC, so hum and rumble never reach it.
struct HalfBandStage: Sendable {
    private var h1: Float = 0, h2: Float = 0, h3: Float = 0
    private var h4: Float = 0, h5: Float = 0, h6: Float = 0
    private var outputPhase = false
    /// The low band of the last output sample.
    private(set) var low: Float = 0
    /// The high band of the last output sample.
    private(set) var high: Float = 0

    /// Takes one input sample; returns true when it produced a new `low`/`high` pair.
    @inline(__always)
    mutating func push(_ x: Float) -> Bool {
        outputPhase.toggle()
        if outputPhase {
            let lp = (16 * h3 + 9 * (h2 + h4) - (x + h6)) * (1 / 32)
            low = lp
            high = h3 - lp
        }
        h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = x
        return outputPhase
    }
}

/// A second-order section (transposed direct form II), used as a high-pass.
struct Biquad: Sendable {
    private let b0: Float, b1: Float, b2: Float, a1: Float, a2: Float
    private var s1: Float = 0, s2: Float = 0

    /// A Butterworth (Q = 1/√2) high-pass at `cutoff` Hz for a stream at `rate` Hz.
    init(highPassAt cutoff: Double, rate: Double) {
        let w = 2 * Double.pi * min(cutoff, rate * 0.45) / rate
        let q = 0.5.squareRoot()
        let alpha = sin(w) / (2 * q)
        let cosw = cos(w)
        let a0 = 1 + alpha
        b0 = Float((1 + cosw) / 2 / a0)
        b1 = Float(-(1 + cosw) / a0)
        b2 = b0
        a1 = Float(-2 * cosw / a0)
        a2 = Float((1 - alpha) / a0)
    }

    @inline(__always)
    mutating func process(_ x: Float) -> Float {
        let y = b0 * x + s1
        s1 = b1 * x - a1 * y + s2
        s2 = b2 * x - a2 * y
        return y
    }
}

/// Splits one channel into four speech sub-bands and sums each band's energy over a hop.
///
/// A tree of half-band stages, not an FFT: the input is first halved until its rate is at most
/// 10 kHz (16 kHz → 8 kHz, 48 kHz → 6 kHz), then split three times. At 16 kHz the bands are
/// 2–4 kHz, 1–2 kHz, 0.5–1 kHz and `lowCut`–500 Hz; the lowest is high-passed (fourth order)
/// at the stream rate of 1 kHz, so mains hum and rumble stay out. Most of the work runs at
/// reduced rates: about a dozen flops per input sample, no allocation, no branches that the
/// predictor cannot follow.
struct SubBandFilterBank: Sendable {
    private var pre0 = HalfBandStage(), pre1 = HalfBandStage(), pre2 = HalfBandStage()
    private var pre3 = HalfBandStage(), pre4 = HalfBandStage()
    private let preCount: Int
    private var split1 = HalfBandStage(), split2 = HalfBandStage(), split3 = HalfBandStage()
    private var lowCut1: Biquad, lowCut2: Biquad
    /// Energy summed since the last `takeEnergies()`, one lane per band (low to high).
    private var energy = SIMD4<Float>(repeating: 0)
    /// Scale that turns each band's sum into a mean power per input sample over one hop.
    private let bandScale: SIMD4<Float>

    /// The number of halvings that bring `sampleRate` to 10 kHz or below (at most 5).
    static func preDecimations(for sampleRate: Int) -> Int {
        var rate = sampleRate, count = 0
        while rate > 10_000 && count < 5 { rate /= 2; count += 1 }
        return count
    }

    init(sampleRate: Int, lowCutHz: Double) {
        preCount = Self.preDecimations(for: sampleRate)
        let baseRate = Double(sampleRate) / Double(1 << (preCount + 3))
        lowCut1 = Biquad(highPassAt: lowCutHz, rate: baseRate)
        lowCut2 = Biquad(highPassAt: lowCutHz, rate: baseRate)
        let d = Float(1 << preCount)
        // Band k (high to low) is sampled at 1/2^(k+1) of the post-decimation rate.
        bandScale = SIMD4(8 * d, 8 * d, 4 * d, 2 * d)
    }

    /// Feeds one input sample.
    @inline(__always)
    mutating func push(_ x: Float) {
        var v = x
        if preCount > 0 {
            guard pre0.push(v) else { return }
            v = pre0.low
            if preCount > 1 {
                guard pre1.push(v) else { return }
                v = pre1.low
                if preCount > 2 {
                    guard pre2.push(v) else { return }
                    v = pre2.low
                    if preCount > 3 {
                        guard pre3.push(v) else { return }
                        v = pre3.low
                        if preCount > 4 {
                            guard pre4.push(v) else { return }
                            v = pre4.low
                        }
                    }
                }
            }
        }
        guard split1.push(v) else { return }
        energy[3] += split1.high * split1.high
        guard split2.push(split1.low) else { return }
        energy[2] += split2.high * split2.high
        guard split3.push(split2.low) else { return }
        energy[1] += split3.high * split3.high
        let y = lowCut2.process(lowCut1.process(split3.low))
        energy[0] += y * y
    }

    /// Returns the mean power per band over the `sampleCount` input samples fed since the last
    /// call, and starts a new sum.
    mutating func takeEnergies(sampleCount: Int) -> SIMD4<Float> {
        let e = energy * bandScale / Float(max(sampleCount, 1))
        energy = SIMD4(repeating: 0)
        return e
    }
}
