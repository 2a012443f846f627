/// Decides, hop by hop, which channels carry their own person's voice rather than bleed.
///
/// Works on each channel's level above its own noise floor, so microphones with different
/// gains compare fairly. Per sub-band, the bleed a channel should expect is the loudest other
/// channel's held peak (decaying to cover the room's reverberation tail) plus a bleed bound.
/// The bound depends on the pair: bleed rises and falls with its source, so two channels whose
/// scores move together (a moving correlation) get the generous `bleedGain`, and two that move
/// apart (two people talking at once) the low `uncorrelatedGain`. The channel's margin over
/// the prediction, averaged over bands weighted by the channel's own level, must exceed
/// `onMargin` to start and `offMargin` to stay. Overlapping speech passes: both voices beat the
/// bleed the other one predicts. With `learnsPairBleed` each ordered pair also learns how loud
/// the one's voice really arrives in the other (see `learnPairBleed`), and the loose bound
/// comes down to that where it is lower. All state is allocated in `init`; `update` allocates
/// nothing.
///
/// After run shaping, `settle` takes back the padding (hangover, pre-roll) that would make
/// two people talk at once where only one is: see `settle(_:hop:)`.
struct BleedArbiter: Sendable {
    private var peaks: [SIMD4<Float>]
    /// The channels whose margin said "own voice" in the last hop, whether or not they were on.
    private(set) var owner: UInt64 = 0
    private let bleedGain: Float
    private let peakDecay: Float
    private let onMargin: Float
    private let offMargin: Float
    /// Whether a hop in which every active channel looks like bleed keeps the loudest.
    private let keepLoudest: Bool
    /// How far the kept loudest channel must stand above the inactive channels' mean (dB; 0 = no test).
    private let keepMargin: Float
    /// Whether the bleed bound depends on how two channels' levels move together.
    private let correlating: Bool
    private let uncorrelatedGain: Float
    private let correlationRate: Float
    private let correlationFloor: Float
    private let correlationSpan: Float = 0.3
    /// Per ordered pair [c * count + j], the learned level of channel c's score under channel
    /// j's held peak while j is its owner's voice (dB, a tracked quantile; empty when not learning).
    private var pairBleed: [Float]
    private let pairMargin: Float
    private let pairSource: Float
    /// The quantile tracked, its step per hop (dB), and the lowest bound learning may reach (dB).
    static let pairBleedQuantile: Float = 0.8
    static let pairBleedStep: Float = 0.1
    static let lowestPairBleedDB: Float = -24
    private var mean: [Float]
    private var deviation: [Float]
    private var variance: [Float]
    /// Upper triangle, row-major: [c * count + j] for c < j.
    private var covariance: [Float]
    /// The channels heard in each hop (ring), for `settle`: the arbiter's decision and the hops
    /// the run shaper resumed after a breath.
    private var decided: [UInt64]
    /// Hops remembered so far.
    private var decidedCount: Int64 = 0
    /// How far `settle` looks back for the end of a run (the hangover) and ahead for its
    /// start (the look-ahead), in hops; 0 turns trimming off.
    private let lookBack: Int
    private let lookAhead: Int
    /// How long a channel must have been off for its pre-roll to count as a new turn (hops).
    private let quietBack: Int
    /// A channel silent this long (s) and then speaking starts a new turn; a shorter pause is
    /// inside its owner's speech (syllables under someone else's voice), and is left alone.
    static let newTurnSilenceSeconds = 0.3

    init(
        channelCount: Int, parameters p: ArbiterParameters, hopSeconds: Double,
        hangoverHops: Int = 0, lookAheadHops: Int = 0
    ) {
        peaks = Array(repeating: SIMD4(repeating: 0), count: channelCount)
        bleedGain = Float(p.bleedGainDB)
        peakDecay = Float(p.peakDecayDBPerSecond * hopSeconds)
        onMargin = Float(p.onMarginDB)
        offMargin = Float(p.offMarginDB)
        keepLoudest = p.keepLoudestSource
        keepMargin = Float(p.keepLoudestMarginDB)
        correlating = p.uncorrelatedBleedGainDB < p.bleedGainDB
        uncorrelatedGain = Float(p.uncorrelatedBleedGainDB)
        correlationRate = Float(min(1, hopSeconds / p.correlationSeconds))
        correlationFloor = Float(p.correlationFloor)
        mean = Array(repeating: 0, count: channelCount)
        deviation = Array(repeating: 0, count: channelCount)
        variance = Array(repeating: 0, count: channelCount)
        covariance = Array(repeating: 0, count: correlating ? channelCount * channelCount : 0)
        pairBleed = Array(repeating: Float(p.bleedGainDB), count: p.learnsPairBleed ? channelCount * channelCount : 0)
        pairMargin = Float(p.pairBleedMarginDB)
        pairSource = Float(p.pairBleedSourceDB)
        let trim = p.trimPaddingInCrossTalk
        lookBack = trim ? max(1, hangoverHops) : 0
        lookAhead = trim ? max(1, lookAheadHops) : 0
        quietBack = trim ? max(lookBack, Int((Self.newTurnSilenceSeconds / hopSeconds).rounded())) : 0
        decided = Array(repeating: 0, count: trim ? quietBack + lookAhead + 2 : 1)
    }

    /// Updates the held peaks from this hop's levels and returns the channels whose margin
    /// says "own voice" (bit i = channel i).
    mutating func update(trackers: [ChannelTracker]) -> UInt64 {
        let count = trackers.count
        for c in 0..<count {
            peaks[c] = lanewiseMax(trackers[c].aboveFloor, peaks[c] - peakDecay)
        }
        if correlating { updateCorrelation(trackers) }
        if !pairBleed.isEmpty { learnPairBleed(trackers) }
        var result: UInt64 = 0
        for c in 0..<count {
            let own = trackers[c].aboveFloor
            var others = SIMD4<Float>(repeating: -.infinity)
            for j in 0..<count where j != c {
                others = lanewiseMax(others, peaks[j] + bound(c, j))
            }
            let margin = own - others
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

    /// The bleed bound from channel `j` into channel `c` (dB): the fixed bound when their levels
    /// rise and fall together (one is the other's bleed), the lower `uncorrelatedGain` when they
    /// move apart (two voices), in between along the correlation.
    /// With `learnsPairBleed`, the fixed bound comes down to the pair's learned bleed plus
    /// `pairBleedMarginDB` where that is lower, and the uncorrelated bound with it.
    @inline(__always)
    private func bound(_ c: Int, _ j: Int) -> Float {
        let n = peaks.count
        var loose = bleedGain
        if !pairBleed.isEmpty {
            loose = max(Self.lowestPairBleedDB, min(bleedGain, pairBleed[c * n + j] + pairMargin))
        }
        guard correlating else { return loose }
        let tight = min(uncorrelatedGain, loose)
        let product = variance[c] * variance[j]
        let r = product > 1e-6 ? covariance[min(c, j) * n + max(c, j)] / product.squareRoot() : 0
        let w = min(1, max(0, (r - correlationFloor) * (1 / correlationSpan)))
        return tight + w * (loose - tight)
    }

    /// Teaches each pair how loud a voice arrives in the other microphones: while channel j was
    /// its owner's voice in the last hop, is active, and its held peak stands `pairBleedSourceDB`
    /// over its floor (so its bleed stands clear of the others' noise), every other channel's
    /// score under that peak moves the pair's tracked 80% quantile a step. Overlaps and
    /// back-channels in j's speech only raise it (towards the fixed bound, the safe side).
    private mutating func learnPairBleed(_ trackers: [ChannelTracker]) {
        let n = trackers.count
        let up = Self.pairBleedQuantile * Self.pairBleedStep
        let down = (1 - Self.pairBleedQuantile) * Self.pairBleedStep
        for j in 0..<n where owner & (1 << UInt64(j)) != 0 && trackers[j].active {
            let source = heldScore(j)
            guard source >= pairSource else { continue }
            for c in 0..<n where c != j {
                let k = c * n + j
                pairBleed[k] += trackers[c].score - source > pairBleed[k] ? up : -down
            }
        }
    }

    /// Channel `j`'s held peak as a score: the mean over its bands (dB above its floor).
    @inline(__always)
    private func heldScore(_ j: Int) -> Float { peaks[j].sum() * 0.25 }

    /// Moving mean, variance and covariance of every channel's score (dB above floor).
    private mutating func updateCorrelation(_ trackers: [ChannelTracker]) {
        let n = trackers.count
        for c in 0..<n {
            let x = trackers[c].score
            mean[c] += correlationRate * (x - mean[c])
            let d = x - mean[c]
            deviation[c] = d
            variance[c] += correlationRate * (d * d - variance[c])
        }
        for c in 0..<n {
            for j in (c + 1)..<max(c + 1, n) {
                let k = c * n + j
                covariance[k] += correlationRate * (deviation[c] * deviation[j] - covariance[k])
            }
        }
    }

    /// Arbitrates one hop: keeps the channels of `raw` (each channel's own detection) that
    /// `update` says carry their owner's voice. `remember(heard:)` then records the hop for `settle`.
    ///
    /// Two people who start at the same moment rise together, so they look correlated and each
    /// looks like the other's bleed. Bleed needs a source: when the loudest active channel is
    /// rejected (with every other, or alone, where a pair's learned bound kept the quieter of
    /// two people talking at once), it is kept if it is at least as loud as every other
    /// channel's held peak (so a reverberation tail, which is quieter than its source's held
    /// peak, is not) and, with `keepLoudestMarginDB`, stands that far above the channels that
    /// are not active (so a burst of chatter that every microphone hears, which lifts them all,
    /// is not). Chatter loud
    /// enough to make every channel active leaves none quiet to compare with: with three or more
    /// microphones the loudest must then stand the margin above the mean of all the others (two
    /// people starting together still do, over the bleed on the rest); with two, it is kept.
    mutating func decide(trackers: [ChannelTracker], raw: UInt64) -> UInt64 {
        var result = raw & update(trackers: trackers)
        if raw & ~result != 0 && keepLoudest {
            var loudest = -1
            var level = -Float.infinity
            for c in 0..<trackers.count where raw & (1 << UInt64(c)) != 0 && trackers[c].score > level {
                loudest = c
                level = trackers[c].score
            }
            var heldElsewhere = -Float.infinity
            var quietSum: Float = 0, quietCount: Float = 0, otherSum: Float = 0
            for j in 0..<trackers.count where j != loudest {
                heldElsewhere = max(heldElsewhere, heldScore(j))
                otherSum += trackers[j].score
                if raw & (1 << UInt64(j)) == 0 { quietSum += trackers[j].score; quietCount += 1 }
            }
            let standsOut: Bool
            if keepMargin == 0 {
                standsOut = true
            } else if quietCount > 0 {
                standsOut = level >= quietSum / quietCount + keepMargin
            } else if trackers.count >= 3 {
                standsOut = level >= otherSum / Float(trackers.count - 1) + keepMargin
            } else {
                standsOut = true
            }
            if level >= heldElsewhere && standsOut { result |= 1 << UInt64(loudest) }
        }
        return result
    }

    /// Remembers, for `settle`, the channels heard in the hop just shaped: the run shaper's
    /// `heard` (the arbiter's decision, and the hops it resumed after a breath).
    mutating func remember(heard: UInt64) {
        decided[Int(decidedCount % Int64(decided.count))] = heard
        decidedCount += 1
    }

    /// Takes a shaped decision for `hop` and drops the padding that only makes cross-talk.
    ///
    /// Run shaping pads each run with pre-roll and hangover; when one person stops and the
    /// next starts within that padding, both show as speaking for a moment and the tracker
    /// counts a cross-talk that did not happen. Where two or more channels are marked, a
    /// channel not heard at `hop` loses the hop if it is a run's end (heard within the last
    /// `lookBack` hops, not again within `lookAhead`) and someone else is marked, or a new
    /// turn's pre-roll (heard within `lookAhead`, not for `newTurnSilenceSeconds` before) and
    /// someone else really speaks before that turn starts. Pauses inside a run and real
    /// overlaps are kept. "Heard" counts the hops a run resumed after a breath: their hangover
    /// is a run's end like any other, not a stretch of padding that outlasts `lookBack`.
    func settle(_ mask: UInt64, hop: Int64) -> UInt64 {
        guard lookAhead > 0, mask.nonzeroBitCount >= 2, hop >= 0, hop < decidedCount else { return mask }
        let size = Int64(decided.count)
        let now = decided[Int(hop % size)]
        let padding = mask & ~now
        guard padding != 0 else { return mask }
        var before: UInt64 = 0
        var longBefore: UInt64 = 0
        var h = max(0, hop - Int64(quietBack), decidedCount - size)
        while h < hop {
            if h >= hop - Int64(lookBack) { before |= decided[Int(h % size)] } else { longBefore |= decided[Int(h % size)] }
            h += 1
        }
        var after: UInt64 = 0
        let last = min(hop + Int64(lookAhead), decidedCount - 1)
        h = hop + 1
        while h <= last { after |= decided[Int(h % size)]; h += 1 }
        let ending = padding & before & ~after
        let starting = padding & after & ~before & ~longBefore
        var dropped: UInt64 = 0
        var rest = ending | starting
        while rest != 0 {
            let bit = rest & (~rest &+ 1)
            rest &= rest - 1
            var others: UInt64 = 0
            if ending & bit != 0 {
                others = mask & ~bit
            } else {
                // Anyone else speaking between here and this run's start: the pre-roll goes up
                // to there, so what is left of it joins the run instead of standing alone.
                h = hop
                while h <= last {
                    let decision = decided[Int(h % size)]
                    if decision & bit != 0 { break }
                    others |= decision & ~bit
                    h += 1
                }
            }
            if others != 0 { dropped |= bit }
        }
        return mask & ~dropped
    }
}
