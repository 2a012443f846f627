/// Decides, hop by hop, which channels carry their own person's voice rather than bleed.
///
/// Works on each channel's level above its own noise floor, so microphones with different
/// gains compare fairly. Per sub-band, the bleed a channel should expect is the loudest other
/// channel's held peak (decaying to cover the room's reverberation tail) plus a fixed bleed
/// bound. The channel's margin over that prediction, averaged over bands weighted by the
/// channel's own level, must exceed `onMargin` to start and `offMargin` to stay. Overlapping
/// speech passes: both voices beat the bleed the other one predicts.
struct BleedArbiter: Sendable {
    private var peaks: [SIMD4<Float>]
    private var owner: UInt64 = 0
    private let bleedGain: Float
    private let peakDecay: Float
    private let onMargin: Float
    private let offMargin: Float

    init(channelCount: Int, parameters p: ArbiterParameters, hopSeconds: Double) {
        peaks = Array(repeating: SIMD4(repeating: 0), count: channelCount)
        bleedGain = Float(p.bleedGainDB)
        peakDecay = Float(p.peakDecayDBPerSecond * hopSeconds)
        onMargin = Float(p.onMarginDB)
        offMargin = Float(p.offMarginDB)
    }

    /// Updates the held peaks from this hop's levels and returns the channels whose margin
    /// says "own voice" (bit i = channel i).
    mutating func update(trackers: [ChannelTracker]) -> UInt64 {
        let count = trackers.count
        var best = SIMD4<Float>(repeating: -.infinity)
        var second = SIMD4<Float>(repeating: -.infinity)
        var bestChannel = SIMD4<Int32>(repeating: -1)
        for c in 0..<count {
            let peak = lanewiseMax(trackers[c].aboveFloor, peaks[c] - peakDecay)
            peaks[c] = peak
            let higher = peak .> best
            second.replace(with: lanewiseMax(second, peak), where: .!higher)
            second.replace(with: best, where: higher)
            best.replace(with: peak, where: higher)
            bestChannel.replace(with: Int32(c), where: higher)
        }
        var result: UInt64 = 0
        for c in 0..<count {
            let own = trackers[c].aboveFloor
            var others = best
            others.replace(with: second, where: bestChannel .== Int32(c))
            let margin = own - (others + bleedGain)
            let weight = lanewiseMax(own, SIMD4(repeating: 0))
            let total = weight.sum()
            let combined = total > 0 ? (margin * weight).sum() / total : -.infinity
            let bit: UInt64 = 1 << UInt64(c)
            let wasOwner = owner & bit != 0
            if combined > (wasOwner ? offMargin : onMargin) { result |= bit }
        }
        owner = result
        return result
    }
}
