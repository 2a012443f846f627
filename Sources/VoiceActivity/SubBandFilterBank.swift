import Foundation

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
/// 2–4 kHz, 1–2 kHz, 0.5–1 kHz and `lowCut`–500 Hz; the lowest is high-passed (second order,
/// 12 dB below the corner's octave) at its own rate of 1 kHz, so mains hum and rumble stay
/// out; what hum harmonics remain above the corner are stationary and sit under the floor. Most of the work runs at reduced
/// rates: a few flops per input sample, whole blocks at a time, no allocation.
struct SubBandFilterBank: Sendable {
    private var pre0 = HalfBandStage(), pre1 = HalfBandStage(), pre2 = HalfBandStage()
    private var pre3 = HalfBandStage(), pre4 = HalfBandStage()
    private let preCount: Int
    private var split1 = HalfBandStage(), split2 = HalfBandStage(), split3 = HalfBandStage()
    private var lowCut: Biquad
    // Energy summed since the last `takeEnergies`, lowest band first.
    private var energy0: Float = 0, energy1: Float = 0, energy2: Float = 0, energy3: Float = 0
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
        lowCut = Biquad(highPassAt: lowCutHz, rate: baseRate)
        let d = Float(1 << preCount)
        // Band k (high to low) is sampled at 1/2^(k+1) of the post-decimation rate.
        bandScale = SIMD4(8 * d, 8 * d, 4 * d, 2 * d)
    }

    /// Feeds `count` samples read `stride` apart from `input`; `scratch` must hold
    /// `2 * count + 4` floats and is overwritten. Interleaved input is gathered first, so that
    /// every stage reads one buffer and writes another, four samples at a time.
    @inline(__always)
    mutating func process(
        _ input: UnsafePointer<Float>, stride: Int, count: Int, scratch: UnsafeMutablePointer<Float>
    ) {
        var source = input
        var work = scratch
        if stride != 1 {
            var p = input
            for i in 0..<count {
                scratch[i] = p.pointee
                p += stride
            }
            source = UnsafePointer(scratch)
            work = scratch + count
        }
        let half = count / 2 + 2
        var from = work, to = work + half
        var n: Int
        if preCount == 0 {
            n = split1.split(source, stride: 1, count: count, into: from, highEnergy: &energy3)
        } else {
            n = pre0.decimate(source, stride: 1, count: count, into: from)
            if preCount > 1 { n = pre1.decimate(from, stride: 1, count: n, into: to); swap(&from, &to) }
            if preCount > 2 { n = pre2.decimate(from, stride: 1, count: n, into: to); swap(&from, &to) }
            if preCount > 3 { n = pre3.decimate(from, stride: 1, count: n, into: to); swap(&from, &to) }
            if preCount > 4 { n = pre4.decimate(from, stride: 1, count: n, into: to); swap(&from, &to) }
            n = split1.split(from, stride: 1, count: n, into: to, highEnergy: &energy3)
            swap(&from, &to)
        }
        n = split2.split(from, stride: 1, count: n, into: to, highEnergy: &energy2)
        swap(&from, &to)
        n = split3.split(from, stride: 1, count: n, into: to, highEnergy: &energy1)
        var e: Float = 0
        var lowCut = self.lowCut
        for i in 0..<n {
            let y = lowCut.process(to[i])
            e += y * y
        }
        self.lowCut = lowCut
        energy0 += e
    }

    /// Returns the mean power per band over the `sampleCount` input samples fed since the last
    /// call (lowest band in lane 0), and starts a new sum.
    mutating func takeEnergies(sampleCount: Int) -> SIMD4<Float> {
        let sums = SIMD4(energy0, energy1, energy2, energy3)
        energy0 = 0; energy1 = 0; energy2 = 0; energy3 = 0
        return sums * bandScale / Float(max(sampleCount, 1))
    }
}
