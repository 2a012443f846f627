/// One channel's per-hop state: frame level, noise floor, speech level and the on/off decision.
///
/// Everything is per sub-band in a `SIMD4` (lane 0 = lowest band) and in dB. The floor is the
/// minimum of the 30 ms frame level over a sliding window (four sub-windows, so no history
/// array), limited to rise slowly: it needs no silence at the start (it falls as soon as a
/// pause comes) and follows a room that gets noisier at `floorRise` dB per hop.
///
/// `measure` (floor) and `decide` (score and decision) are separate steps so that the first
/// hops can be decided once the floor has been seen (`SpeechDetector`'s start-up look-back).
struct ChannelTracker: Sendable {
    // Band powers of the two previous hops: the frame is the last three hops (30 ms).
    private var previous1 = SIMD4<Float>(repeating: 0)
    private var previous2 = SIMD4<Float>(repeating: 0)
    // Minima of the four last completed sub-windows, and of the current one.
    private var minimum0 = SIMD4<Float>(repeating: .infinity)
    private var minimum1 = SIMD4<Float>(repeating: .infinity)
    private var minimum2 = SIMD4<Float>(repeating: .infinity)
    private var minimum3 = SIMD4<Float>(repeating: .infinity)
    private var currentMinimum = SIMD4<Float>(repeating: .infinity)
    private var subWindowFill = 0
    /// Hops seen, counted up to the end of the warm-up (settling plus two floor windows).
    private var hopsSeen = 0
    /// Hops ignored at the start while the filters settle (speech there is not reported).
    static let settlingHops = 3
    private var floor = SIMD4<Float>(repeating: .infinity)
    /// Tracked quantile of the score: the recent speech level (dB above floor).
    private(set) var speechLevel: Float = 0
    /// Frame level above the floor per band (dB), from the last hop.
    private(set) var aboveFloor = SIMD4<Float>(repeating: 0)
    /// The frame level of the hop last decided (dB per band, lowest first).
    private(set) var level = SIMD4<Float>(repeating: 0)
    /// How far (dB) the higher of the two lowest bands' levels stands over the top band's: well
    /// above 0 for a vowel, below 0 for a hop brighter than any vowel (rustle, a fricative).
    /// Levels, not scores above the floor: in babble the floor is itself shaped like speech, and
    /// a voice's lead over it in the low bands is small.
    @inline(__always)
    var vowelTilt: Float { max(level[0], level[1]) - level[3] }
    /// The mean of `aboveFloor` over the bands.
    private(set) var score: Float = 0
    /// Whether the score says speech (with hysteresis), from the last hop.
    private(set) var active = false
    /// The score a start needed in the last hop (the on threshold, raised by the noise gate and
    /// the missing fast fall): the steady proof's stretch clears it (`steadyProofSeconds`).
    private(set) var startLine: Float = 0
    /// Whether the score clears the off threshold and the noise by `resumeDeviations`, from the
    /// last hop: speech would carry on here (`RunShaper`'s resume and onset reach use it).
    private(set) var sustained = false
    /// Mean and variance of the score while it says no speech: how much the noise itself moves.
    private(set) var noiseMean: Float = 0
    private(set) var noiseVariance: Float = 0
    /// Hops the noise statistics have taken in, up to the moving average's own length: until
    /// then they are the plain mean and variance so far, so the noise gate holds from the first
    /// second instead of rising from zero over `noiseTrackSeconds`.
    private var noiseHops: Float = 0
    /// The last eight scores (ring) and the hops since the score last fell fast from a peak
    /// above the on threshold (`dryFallDB`).
    private var recent = SIMD8<Float>(repeating: 0)
    /// This hop's fall from the peak of the 8 hops before it (dB; 0 while `dryFallDB` is off).
    private(set) var fall: Float = 0
    private var recentIndex = 0
    private(set) var hopsSinceDry: Float = .greatestFiniteMagnitude
    /// `vowelTilt` smoothed over the hops that clear the off threshold (`voiceShapeSeconds`),
    /// and the mean and variance of that smoothed shape over the channel's kept speech: its own
    /// voice, learned from a start of 9 ± 3 dB (the voice-shape gate, `voiceShapeDeviations`).
    private var smoothedTilt: Float = 9
    private(set) var voiceTiltMean: Float = 9
    private(set) var voiceTiltVariance: Float = 9

    /// Takes one hop's band powers and updates the decision.
    @inline(__always)
    mutating func update(bandPower: SIMD4<Float>, settings s: TrackerSettings) {
        if let level = measure(bandPower: bandPower, settings: s) {
            decide(level: level, floor: floor, settings: s)
        }
    }

    /// Takes one hop's band powers, updates the floor and returns the 30 ms frame level per band
    /// (dB); nil while the filters settle. `decide` turns the level into a decision.
    @inline(__always)
    mutating func measure(bandPower: SIMD4<Float>, settings s: TrackerSettings) -> SIMD4<Float>? {
        let frame = (bandPower + previous1 + previous2) * (1 / 3)
        previous2 = previous1
        previous1 = bandPower
        // The first frames hold the filters' start-up: they must not set the floor.
        if hopsSeen < Self.settlingHops {
            hopsSeen += 1
            return nil
        }
        let level = decibels(frame)

        currentMinimum = lanewiseMin(currentMinimum, level)
        var windowMinimum = lanewiseMin(
            lanewiseMin(minimum0, minimum1), lanewiseMin(minimum2, minimum3))
        windowMinimum = lanewiseMin(windowMinimum, currentMinimum)
        subWindowFill += 1
        if subWindowFill == s.subWindowHops {
            minimum3 = minimum2; minimum2 = minimum1; minimum1 = minimum0
            minimum0 = currentMinimum
            currentMinimum = SIMD4(repeating: .infinity)
            subWindowFill = 0
        }
        // During the first two windows the floor is the plain minimum so far, free to rise:
        // start-up transients or a quiet first moment must not pin it low for many seconds.
        if hopsSeen < Self.settlingHops + 8 * s.subWindowHops {
            hopsSeen += 1
            floor = windowMinimum
        } else {
            floor = lanewiseMin(windowMinimum, floor + s.floorRise)
        }
        return level
    }

    /// Smooths the shape over this hop if its score clears the off threshold, and says whether
    /// the hop is held back: shaped far flatter than the channel's own voice. Call once a hop,
    /// after `decide`.
    @inline(__always)
    mutating func unlikeItsVoice(settings s: TrackerSettings) -> Bool {
        guard active || sustained else { return false }
        smoothedTilt += s.voiceShapeRate * (vowelTilt - smoothedTilt)
        let margin = max(s.voiceShapeMin, s.voiceShapeDeviations * voiceTiltVariance.squareRoot())
        return smoothedTilt < voiceTiltMean - margin
    }

    /// Takes this hop's smoothed shape into the channel's voice: a hop kept as its own speech.
    /// A hop flatter than the voice counts as at most two deviations below it, so rustle that
    /// stays above the hold line (under chatter, or a flat voice's wide line) cannot teach the
    /// voice its own flatness and lower the line under the next burst.
    @inline(__always)
    mutating func learnVoiceShape(settings s: TrackerSettings) {
        let reach = 2 * voiceTiltVariance.squareRoot()
        let difference = max(smoothedTilt - voiceTiltMean, -reach)
        voiceTiltMean += s.voiceLearnRate * difference
        voiceTiltVariance += s.voiceLearnRate * (difference * difference - voiceTiltVariance)
    }

    /// Scores a frame level (from `measure`) against a floor and updates the speech level, the
    /// noise statistics and the on/off decision. Every hop is scored against the floor of its
    /// own time, except at the start, where the first hops are scored together against the
    /// lowest level they showed (`SpeechDetector`'s start-up look-back).
    @inline(__always)
    mutating func decide(level: SIMD4<Float>, floor: SIMD4<Float>, settings s: TrackerSettings) {
        self.level = level
        aboveFloor = level - floor
        score = aboveFloor.sum() * 0.25
        let step = score < speechLevel ? -s.levelStepDown : s.levelStepUp
        speechLevel = max(0, speechLevel + step)

        var on = max(s.onThreshold, s.onFraction * speechLevel)
        if s.dryFall > 0 {
            let peak = recent.max()
            fall = peak - score
            hopsSinceDry = peak - score >= s.dryFall && peak >= on ? 0 : hopsSinceDry + 1
            recent[recentIndex] = score
            recentIndex = (recentIndex + 1) & 7
            if hopsSinceDry > s.dryMemoryHops { on += s.dryRaise }
        }
        var off = max(s.offThreshold, s.offFraction * speechLevel)
        let deviation = noiseVariance.squareRoot()
        if s.noiseDeviations > 0 {
            on = max(on, noiseMean + s.noiseDeviations * deviation)
            off = max(off, noiseMean + 0.6 * s.noiseDeviations * deviation)
        }
        sustained = score > max(off, noiseMean + s.resumeDeviations * deviation)
        startLine = on
        active = active ? score > off : score > on && level.sum() * 0.25 >= s.minOnLevel
        if !active {
            let difference = score - noiseMean
            let rate = 1 / (noiseHops + 1)
            if rate > s.noiseRate {
                // Welford's running mean and variance of the hops so far
                noiseHops += 1
                noiseMean += rate * difference
                noiseVariance += rate * (difference * (score - noiseMean) - noiseVariance)
            } else {
                noiseMean += s.noiseRate * difference
                noiseVariance += s.noiseRate * (difference * difference - noiseVariance)
            }
        }
    }
}

/// A profile's `DetectionParameters`, converted to per-hop units once.
struct TrackerSettings: Sendable {
    var subWindowHops: Int
    var floorRise: Float
    var onThreshold: Float, offThreshold: Float
    var onFraction: Float, offFraction: Float
    var levelStepUp: Float, levelStepDown: Float
    /// How many noise deviations speech must clear (0 = off), and the per-hop tracking rate.
    var noiseDeviations: Float, noiseRate: Float
    /// Hops measured before the first decision at the start (0 = decide every hop at once).
    var lookBackHops: Int
    /// How many noise deviations a score must clear to resume speech (`sustained`).
    var resumeDeviations: Float
    /// The fast fall that marks a close voice (dB, 0 = off), how long it counts (hops), and how
    /// much more a channel without one needs to start speech (dB).
    var dryFall: Float, dryMemoryHops: Float, dryRaise: Float
    /// How recent a fast fall must be to prove a new run (hops), and how far above the median
    /// of the other channels a run's score proves it instead (dB, 0 = off).
    var dryProofHops: Float, dryLead: Float
    /// How much larger than the other channels' median fall a fast fall must be to prove a run
    /// (dB, 0 = any fast fall proves).
    var dryFallMargin: Float
    /// How far the lower two bands' higher level must stand over the top band's (`vowelTilt`)
    /// for a hop to prove a run shaped like voiced speech (dB, 0 = off).
    var shapeProof: Float
    /// How recent such a stretch must be to prove a new run (hops).
    var shapeProofHops: Float
    /// How many hops in a row above the on threshold that stretch needs (0 = the shape proof's
    /// own stretch: a frame above the off threshold).
    var steadyProofHops: Int
    /// The mean of the band levels (dB re full scale) a hop needs for speech to start there
    /// (-infinity when the profile's `minOnLevelDB` is 0, off).
    var minOnLevel: Float
    /// How many deviations below the channel's voice shape hold a hop back (0 = off), the least
    /// distance that does (dB), the per-hop smoothing rate of the shape, and the per-hop rate at
    /// which kept speech teaches the voice (about 5 s of it).
    var voiceShapeDeviations: Float, voiceShapeMin: Float, voiceShapeRate: Float, voiceLearnRate: Float

    init(_ p: DetectionParameters, hopSeconds: Double) {
        subWindowHops = max(1, Int((p.floorWindowSeconds / hopSeconds / 4).rounded()))
        floorRise = Float(p.floorRiseDBPerSecond * hopSeconds)
        onThreshold = Float(p.onThresholdDB)
        offThreshold = Float(p.offThresholdDB)
        onFraction = Float(p.onFractionOfLevel)
        offFraction = Float(p.offFractionOfLevel)
        // Stepping up by q·step and down by (1-q)·step settles where a fraction q lies below.
        levelStepUp = Float(p.levelQuantile * p.levelStepDB)
        levelStepDown = Float((1 - p.levelQuantile) * p.levelStepDB)
        noiseDeviations = Float(p.noiseDeviations)
        noiseRate = Float(min(1, hopSeconds / p.noiseTrackSeconds))
        lookBackHops = max(0, Int((p.startLookBackSeconds / hopSeconds).rounded()))
        resumeDeviations = Float(p.resumeDeviations)
        dryFall = Float(p.dryFallDB)
        dryMemoryHops = Float(p.dryMemorySeconds / hopSeconds)
        dryRaise = Float(p.dryRaiseDB)
        dryProofHops = Float(p.dryProofSeconds / hopSeconds)
        dryLead = Float(p.dryLeadDB)
        dryFallMargin = Float(p.dryFallMarginDB)
        shapeProof = Float(p.shapeProofDB)
        shapeProofHops = Float(p.shapeProofSeconds / hopSeconds)
        steadyProofHops = Int((p.steadyProofSeconds / hopSeconds).rounded())
        minOnLevel = p.minOnLevelDB == 0 ? -.infinity : Float(p.minOnLevelDB)
        voiceShapeDeviations = Float(p.voiceShapeDeviations)
        voiceShapeMin = Float(p.voiceShapeMinDB)
        voiceShapeRate = Float(min(1, hopSeconds / p.voiceShapeSeconds))
        voiceLearnRate = Float(hopSeconds / 5)
    }
}

/// 10·log10 of each lane, to within 0.001 dB, with a floor at -150 dB (digital silence).
///
/// A bit-level log2 with a quartic on the mantissa, all four lanes at once: the detector
/// takes one of these per channel per hop, and libm's log10 would cost as much as the filters.
@inline(__always)
func decibels(_ power: SIMD4<Float>) -> SIMD4<Float> {
    let x = lanewiseMax(power, SIMD4(repeating: 1e-15))
    let bits = unsafeBitCast(x, to: SIMD4<UInt32>.self)
    let exponent = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: (bits &>> 23) & 0xFF) &- 127)
    let m = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD4<Float>.self)
    var p = SIMD4<Float>(repeating: -0.056570851)
    p = p * m + 0.44717955
    p = p * m - 1.4699568
    p = p * m + 2.8212026
    p = p * m - 1.7417939
    return (exponent + p) * 3.0103
}

/// The smaller of each pair of lanes (the generic `pointwiseMin` is not always inlined).
@inline(__always)
func lanewiseMin(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD4<Float> {
    a.replacing(with: b, where: b .< a)
}

/// The larger of each pair of lanes.
@inline(__always)
func lanewiseMax(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD4<Float> {
    a.replacing(with: b, where: b .> a)
}
