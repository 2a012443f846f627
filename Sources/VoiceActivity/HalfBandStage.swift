/// A 7-tap half-band low-pass that halves the sample rate, and its complementary high band.
///
/// Taps `[-1, 0, 9, 16, 9, 0, -1] / 32`. Every second input yields one low-band sample (below a
/// quarter of the input rate) and, in `split`, the energy of the matching high-band sample
/// (`centre - low`). The high band has a fourth-order zero at DC, so hum and rumble never reach
/// it. Runs over whole blocks so that its state stays in registers; the output may overwrite
/// the input (it never gets ahead of it), but only separate buffers take the four-wide path.
struct HalfBandStage: Sendable {
    private var h1: Float = 0, h2: Float = 0, h3: Float = 0
    private var h4: Float = 0, h5: Float = 0, h6: Float = 0
    /// True when the next input sample produces no output.
    private var skipNext = false

    /// Halves the rate of `count` samples read `stride` apart; returns how many it wrote.
    @inline(__always)
    mutating func decimate(
        _ input: UnsafePointer<Float>, stride: Int, count: Int, into output: UnsafeMutablePointer<Float>
    ) -> Int {
        var discard: Float = 0
        return run(input, stride: stride, count: count, into: output, highEnergy: &discard, wantsHigh: false)
    }

    /// Like `decimate`, and adds the high band's energy (sum of squares) to `highEnergy`.
    @inline(__always)
    mutating func split(
        _ input: UnsafePointer<Float>, stride: Int, count: Int, into output: UnsafeMutablePointer<Float>,
        highEnergy: inout Float
    ) -> Int {
        run(input, stride: stride, count: count, into: output, highEnergy: &highEnergy, wantsHigh: true)
    }

    @inline(__always)
    private mutating func run(
        _ input: UnsafePointer<Float>, stride: Int, count: Int, into output: UnsafeMutablePointer<Float>,
        highEnergy: inout Float, wantsHigh: Bool
    ) -> Int {
        var h1 = self.h1, h2 = self.h2, h3 = self.h3, h4 = self.h4, h5 = self.h5, h6 = self.h6
        var energy: Float = 0
        var produced = 0
        var remaining = count
        var p = input
        if remaining > 0 && !skipNext {
            let x = p.pointee
            p += stride
            let low = (16 * h3 + 9 * (h2 + h4) - (x + h6)) * (1 / 32)
            output[produced] = low
            produced += 1
            if wantsHigh { energy += (h3 - low) * (h3 - low) }
            h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = x
            remaining -= 1
            skipNext = true
        }
        // Pairs: `a` only enters the delay line, `b` yields an output. Written with the delay
        // line renamed rather than shifted twice, so the loop keeps everything in registers.
        // On contiguous input, once six samples are behind us, four outputs at a time.
        if stride == 1 && output != UnsafeMutablePointer(mutating: input) {
            while remaining >= 2 && count - remaining < 5 {
                let a = p.pointee
                let b = (p + 1).pointee
                p += 2
                let low = (16 * h2 + 9 * (h1 + h3) - (b + h5)) * (1 / 32)
                output[produced] = low
                produced += 1
                if wantsHigh { energy += (h2 - low) * (h2 - low) }
                h6 = h4; h5 = h3; h4 = h2; h3 = h1; h2 = a; h1 = b
                remaining -= 2
            }
            if remaining >= 9 && count - remaining >= 5 {
                var energies = SIMD4<Float>(repeating: 0)
                while remaining >= 9 {
                    let j = UnsafeRawPointer(p + 1)
                    let stride = MemoryLayout<Float>.stride
                    let e0 = j.loadUnaligned(fromByteOffset: -6 * stride, as: SIMD8<Float>.self).evenHalf
                    let e1 = j.loadUnaligned(fromByteOffset: -4 * stride, as: SIMD8<Float>.self).evenHalf
                    let o = j.loadUnaligned(fromByteOffset: -3 * stride, as: SIMD8<Float>.self).evenHalf
                    let e2 = j.loadUnaligned(fromByteOffset: -2 * stride, as: SIMD8<Float>.self).evenHalf
                    let e3 = j.loadUnaligned(as: SIMD8<Float>.self).evenHalf
                    let low = (16 * o + 9 * (e2 + e1) - (e3 + e0)) * (1 / 32)
                    UnsafeMutableRawPointer(output + produced).storeBytes(of: low, as: SIMD4<Float>.self)
                    produced += 4
                    if wantsHigh { energies += (o - low) * (o - low) }
                    p += 8
                    remaining -= 8
                }
                energy += energies.sum()
                h1 = (p - 1).pointee; h2 = (p - 2).pointee; h3 = (p - 3).pointee
                h4 = (p - 4).pointee; h5 = (p - 5).pointee; h6 = (p - 6).pointee
            }
        }
        while remaining >= 2 {
            let a = p.pointee
            let b = (p + stride).pointee
            p += 2 * stride
            let low = (16 * h2 + 9 * (h1 + h3) - (b + h5)) * (1 / 32)
            output[produced] = low
            produced += 1
            if wantsHigh { energy += (h2 - low) * (h2 - low) }
            h6 = h4; h5 = h3; h4 = h2; h3 = h1; h2 = a; h1 = b
            remaining -= 2
        }
        if remaining == 1 {
            h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = p.pointee
            skipNext = false
        }
        self.h1 = h1; self.h2 = h2; self.h3 = h3; self.h4 = h4; self.h5 = h5; self.h6 = h6
        highEnergy += energy
        return produced
    }
}
