/// Finds speech in interleaved audio, one block at a time, for one or more channels.
///
/// Per channel: four speech sub-bands from a half-band filter tree (`SubBandFilterBank`),
/// 30 ms frame levels every 10 ms hop, an adaptive noise floor and speech level
/// (`ChannelTracker`), on/off hysteresis, and with `minOnLevelDB` no start below an absolute
/// level. With more than one channel, `BleedArbiter` keeps only the channels whose owner is
/// speaking. `RunShaper` then drops runs shorter than the minimum (and, with `dryWaitSeconds`,
/// runs that never show a close voice: a fast fall (with `dryFallMarginDB`, one larger than the
/// other microphones' falls), or with several channels a lead over the median of the other
/// microphones; with `shapeProofDB`,
/// runs that never show a stretch shaped like a vowel, as rustle and typing do not; with
/// `steadyProofSeconds`, runs that never hold the on threshold that long, as key clicks and
/// peaks of babble do not; with
/// `shapeVetoFraction`, runs that stay brighter than a vowel are taken back), adds pre-roll,
/// bridges short pauses (not one in which the channel fell silent for `unbridgedPauseSeconds`),
/// adds a hangover, and picks a run up again
/// where the score clears the off threshold soon after a breath; with several channels the
/// arbiter then takes back padding that would only make a change of speaker look like
/// cross-talk. Decisions come out
/// `decisionDelay` hops late (at most about 300 ms), with true timestamps; `finish` flushes
/// the rest. Each decision also carries the newest hop's channels already certain to be
/// speaking (`ActivityFrame.leading`), for cues that must not wait out the delay.
///
/// Speech that starts with the audio: with a start-up look-back (`startLookBackSeconds`), the
/// first hops are only measured, then all decided at once against the floor those hops showed,
/// so words before the first pause are scored like any others; those first decisions come
/// out that much later, once. Without it, they are scored against a floor measured on the
/// speech itself and missed until a pause has shown the floor.
///
/// Everything is allocated in `init`; `process` allocates nothing and reads the wall clock
/// never: time is the count of sample frames fed. The result does not depend on block size.
public struct SpeechDetector: Sendable {
    public let channelCount: Int
    public let sampleRate: Int
    public let profile: DetectorProfile
    /// Sample frames per decision (10 ms).
    public let hopLength: Int
    private var banks: [SubBandFilterBank]
    /// Work space for the filter banks, one hop long (swapped out while in use: no copy).
    private var scratch: [Float]
    private var trackers: [ChannelTracker]
    private let settings: TrackerSettings
    private var arbiter: BleedArbiter
    private var shaper: RunShaper
    /// Sample frames fed into the hop being filled.
    private var pending = 0
    /// Sample frames in the last hop (shorter than `hopLength` only after `finish`).
    private var lastHopLength: Int
    /// Frame levels of the start-up hops, hop-major (nil while a channel's filters settle),
    /// held until `settings.lookBackHops` of them have shown the floor.
    private var held: [SIMD4<Float>?]
    /// Hops held so far; `Int.max` once they have been decided.
    private var heldHops = 0
    /// Per channel, the lowest level of the held hops: the floor they are decided against.
    private var heldFloor: [SIMD4<Float>]
    /// Work space for `leading` and `recordOwnFalls`: this hop's channel scores (or falls) in
    /// ascending order.
    private var sortedScores: [Float]
    /// Per channel, hops since a fast fall larger than the other channels' (`dryFallMarginDB`).
    private var hopsSinceOwnFall: [Float]
    /// Per channel, consecutive hops its score has stood `dryLead` above the others'.
    private var leadHops: [Int]
    /// Per channel, consecutive hops above the off threshold (with `steadyProofSeconds`, the on
    /// threshold) shaped like voiced speech (`shapeProofDB`), and hops since such a stretch last
    /// reached its length (a whole frame, or the steady proof's).
    private var shapeHops: [Int]
    private var hopsSinceShaped: [Float]
    /// How many hops a lead must hold to prove a run: a whole 30 ms frame, so that the first
    /// hop of a sound, which reaches the nearest microphone a few ms before the others, is not
    /// taken for a lead.
    static let leadHopsNeeded = 3
    /// How many other channels, not carrying their own wearer's voice, a fast fall is compared
    /// with (`dryFallMarginDB`). One alone may be falling with someone's bleed whose syllables
    /// happen to keep step with this channel's: with two microphones, or three while someone
    /// else speaks, every fast fall proves, as without the margin.
    static let fallWitnessesNeeded = 2
    /// Whether runs must prove a close voice (`dryWaitSeconds`); without it the run shaper takes
    /// no proof, and none is gathered.
    private let proving: Bool
    /// Whether only a fast fall larger than the other channels' proves a run (`dryFallMarginDB`).
    private let ownFalls: Bool
    /// Whether runs must also show a stretch shaped like voiced speech (`shapeProofDB`) or held
    /// above the on threshold (`steadyProofSeconds`).
    private let shaping: Bool
    /// How many hops in a row that stretch needs, and whether each must clear the on threshold
    /// (the steady proof) rather than only the off threshold.
    private let shapeHopsNeeded: Int
    private let steadying: Bool
    /// Whether runs that stay brighter than any vowel are taken back (`shapeVetoFraction`).
    private let vetoing: Bool
    /// Whether a hop shaped far flatter than its channel's own voice is held back
    /// (`voiceShapeDeviations`).
    private let voiceShaping: Bool

    public init(channelCount: Int, sampleRate: Int, profile: DetectorProfile) throws(DetectorError) {
        guard channelCount >= 1, channelCount <= 64 else { throw .unsupportedChannelCount(channelCount) }
        guard (8000...192_000).contains(sampleRate) else { throw .unsupportedSampleRate(sampleRate) }
        self.channelCount = channelCount
        self.sampleRate = sampleRate
        self.profile = profile
        hopLength = sampleRate / 100
        lastHopLength = hopLength
        let hopSeconds = Double(hopLength) / Double(sampleRate)
        let p = profile.detection(forChannelCount: channelCount)
        banks = Array(
            repeating: SubBandFilterBank(sampleRate: sampleRate, lowCutHz: p.lowCutHz),
            count: channelCount)
        scratch = Array(repeating: 0, count: 2 * hopLength + 4)
        trackers = Array(repeating: ChannelTracker(), count: channelCount)
        settings = TrackerSettings(p, hopSeconds: hopSeconds)
        held = Array(repeating: nil, count: settings.lookBackHops * channelCount)
        heldFloor = Array(repeating: SIMD4(repeating: .infinity), count: channelCount)
        sortedScores = Array(repeating: 0, count: channelCount)
        leadHops = Array(repeating: 0, count: channelCount)
        hopsSinceOwnFall = Array(repeating: .greatestFiniteMagnitude, count: channelCount)
        shapeHops = Array(repeating: 0, count: channelCount)
        hopsSinceShaped = Array(repeating: .greatestFiniteMagnitude, count: channelCount)
        if settings.lookBackHops == 0 { heldHops = .max }
        func hops(_ seconds: Double) -> Int { Int((seconds / hopSeconds).rounded()) }
        shaper = RunShaper(
            channelCount: channelCount, minimumHops: hops(p.minSpeechSeconds),
            preRollHops: hops(p.preRollSeconds), bridgeHops: hops(p.bridgeSeconds),
            hangoverHops: hops(p.hangoverSeconds), reachHops: hops(p.onsetReachSeconds),
            resumeHops: hops(p.resumeSeconds), waitHops: hops(p.dryWaitSeconds),
            vetoFraction: p.shapeVetoFraction, vetoHops: hops(p.shapeVetoSeconds),
            pauseHops: hops(p.unbridgedPauseSeconds))
        proving = hops(p.dryWaitSeconds) > 0 && (p.dryFallDB > 0 || p.dryLeadDB > 0)
        ownFalls = proving && p.dryFallDB > 0 && p.dryFallMarginDB > 0 && channelCount > 1
        steadying = settings.steadyProofHops > 0
        shaping = hops(p.dryWaitSeconds) > 0 && (p.shapeProofDB > 0 || steadying)
        shapeHopsNeeded = steadying ? settings.steadyProofHops : Self.leadHopsNeeded
        vetoing = p.shapeVetoFraction > 0
        voiceShaping = p.voiceShapeDeviations > 0
        arbiter = BleedArbiter(
            channelCount: channelCount, parameters: profile.arbiter, hopSeconds: hopSeconds,
            hangoverHops: hops(p.hangoverSeconds), lookAheadHops: shaper.delay)
    }

    /// How many hops a decision is held back before it is emitted (the start-up look-back's
    /// hops, once at the start, come `startLookBackSeconds` later still).
    public var decisionDelay: Int { shaper.delay }

    /// Feeds `frameCount` interleaved frames (`frameCount * channelCount` samples in -1...1)
    /// and calls `emit` for each decision that became final. Allocates nothing.
    public mutating func process(
        _ samples: UnsafeBufferPointer<Float>, frameCount: Int, emit: (ActivityFrame) -> Void
    ) {
        let frames = min(frameCount, samples.count / channelCount)
        guard frames > 0, let base = samples.baseAddress else { return }
        var buffer: [Float] = []
        swap(&buffer, &scratch)
        buffer.withUnsafeMutableBufferPointer { scratchBuffer in
            guard let scratchBase = scratchBuffer.baseAddress else { return }
            feed(base, frameCount: frames, scratch: scratchBase, emit: emit)
        }
        swap(&buffer, &scratch)
    }

    private mutating func feed(
        _ base: UnsafePointer<Float>, frameCount frames: Int, scratch: UnsafeMutablePointer<Float>,
        emit: (ActivityFrame) -> Void
    ) {
        var done = 0
        while done < frames {
            let n = min(frames - done, hopLength - pending)
            for c in 0..<channelCount {
                banks[c].process(
                    base + done * channelCount + c, stride: channelCount, count: n, scratch: scratch)
            }
            done += n
            pending += n
            if pending == hopLength {
                decideHop(sampleCount: hopLength, emit: emit)
                pending = 0
                emitFinal(emit: emit)
            }
        }
    }

    /// Flushes decisions still held back at the end of the audio, including a last short hop.
    public mutating func finish(emit: (ActivityFrame) -> Void) {
        if pending > 0 {
            decideHop(sampleCount: pending, emit: emit)
            lastHopLength = pending
            pending = 0
        }
        if heldHops != .max { decideHeldHops(emit: emit) }
        while let mask = shaper.release(flush: true) {
            let isLast = shaper.released == shaper.pushed
            let length = isLast ? lastHopLength : hopLength
            let hop = shaper.released - 1
            emit(Self.frame(settled(mask, hop: hop), hop: hop, hopLength: hopLength, length: length))
        }
        lastHopLength = hopLength
    }

    private static func frame(_ mask: UInt64, hop: Int64, hopLength: Int, length: Int) -> ActivityFrame {
        ActivityFrame(start: hop * Int64(hopLength), length: length, speaking: ChannelSet(rawValue: mask))
    }

    /// A shaped decision with the padding that only makes cross-talk taken back (several channels).
    private func settled(_ mask: UInt64, hop: Int64) -> UInt64 {
        channelCount > 1 ? arbiter.settle(mask, hop: hop) : mask
    }

    /// Emits every decision the shaper has made final, each with the newest hop's channels
    /// already certain (`leading`).
    private mutating func emitFinal(emit: (ActivityFrame) -> Void) {
        let leadingStart = (shaper.pushed - 1) * Int64(hopLength)
        let leading = ChannelSet(rawValue: shaper.newest)
        while let mask = shaper.release(flush: false) {
            let hop = shaper.released - 1
            var frame = Self.frame(settled(mask, hop: hop), hop: hop, hopLength: hopLength, length: hopLength)
            frame.leadingStart = leadingStart
            frame.leading = leading
            emit(frame)
        }
    }

    private mutating func decideHop(sampleCount: Int, emit: (ActivityFrame) -> Void) {
        if heldHops < settings.lookBackHops {
            for c in 0..<channelCount {
                let power = banks[c].takeEnergies(sampleCount: sampleCount)
                let level = trackers[c].measure(bandPower: power, settings: settings)
                held[heldHops * channelCount + c] = level
                if let level { heldFloor[c] = lanewiseMin(heldFloor[c], level) }
            }
            heldHops += 1
            if heldHops == settings.lookBackHops { decideHeldHops(emit: emit) }
            return
        }
        for c in 0..<channelCount {
            trackers[c].update(bandPower: banks[c].takeEnergies(sampleCount: sampleCount), settings: settings)
        }
        pushDecision()
    }

    /// Hands the trackers' decisions for one hop, through the arbiter, to the run shaper.
    private mutating func pushDecision() {
        var raw: UInt64 = 0, sustained: UInt64 = 0
        var dry: UInt64 = proving ? 0 : ~0, shaped: UInt64 = shaping ? 0 : ~0, bright: UInt64 = 0
        if ownFalls { recordOwnFalls() }
        for c in 0..<channelCount {
            if trackers[c].active { raw |= 1 << UInt64(c) }
            if trackers[c].sustained { sustained |= 1 << UInt64(c) }
            let sinceFall = ownFalls ? hopsSinceOwnFall[c] : trackers[c].hopsSinceDry
            if proving && sinceFall <= settings.dryProofHops { dry |= 1 << UInt64(c) }
            if vetoing && trackers[c].vowelTilt < 0 { bright |= 1 << UInt64(c) }
            if shaping {
                // held for a whole frame, as a lead is (a burst's last hops ring on in the low
                // bands' slower filters), and remembered as a fast fall is: a syllable bright
                // with a fricative or a high voice is proven by the vowel just before or after it;
                // the steady proof's stretch must clear the on threshold throughout, and with
                // shapeProofDB 0 only not be brighter than a vowel
                let loud = steadying ? trackers[c].score > trackers[c].startLine : trackers[c].sustained
                let vowel = loud && trackers[c].vowelTilt >= settings.shapeProof
                shapeHops[c] = vowel ? shapeHops[c] + 1 : 0
                hopsSinceShaped[c] = shapeHops[c] >= shapeHopsNeeded ? 0 : hopsSinceShaped[c] + 1
                if hopsSinceShaped[c] <= settings.shapeProofHops { shaped |= 1 << UInt64(c) }
            }
        }
        if proving && settings.dryLead > 0 && channelCount > 1 { dry |= leading(raw) }
        let audible = raw | sustained
        if channelCount > 1 {
            raw = arbiter.decide(trackers: trackers, raw: raw)
            sustained &= arbiter.owner | raw
        }
        if voiceShaping { holdUnlikeTheVoice(raw: &raw, sustained: &sustained) }
        shaper.push(raw: raw, sustained: sustained, dry: dry, shaped: shaped, bright: bright, audible: audible)
        if channelCount > 1 { arbiter.remember(heard: shaper.heard) }
    }

    /// Takes out of `raw` and `sustained` the channels whose smoothed shape stands far below
    /// their own voice's (rustle next to the microphone), and teaches each channel still kept as
    /// speech its voice.
    private mutating func holdUnlikeTheVoice(raw: inout UInt64, sustained: inout UInt64) {
        for c in 0..<channelCount {
            let bit: UInt64 = 1 << UInt64(c)
            if trackers[c].unlikeItsVoice(settings: settings) {
                raw &= ~bit
                sustained &= ~bit
            } else if raw & bit != 0 {
                trackers[c].learnVoiceShape(settings: settings)
            }
        }
    }

    /// The channels of `raw` whose score stands `dryLead` above the median of the other
    /// channels' scores. Chatter from across the room reaches every microphone at much the same
    /// level; a wearer's voice reaches the others only as bleed. Sorts the scores once into
    /// `sortedScores` (insertion sort: a handful of channels, no allocation).
    private mutating func leading(_ raw: UInt64) -> UInt64 {
        let n = channelCount
        for c in 0..<n { Self.insert(trackers[c].score, after: c, into: &sortedScores) }
        var result: UInt64 = 0
        for c in 0..<n {
            guard raw & (1 << UInt64(c)) != 0 else { leadHops[c] = 0; continue }
            let own = trackers[c].score
            let median = Self.median(of: sortedScores, leavingOut: own)
            leadHops[c] = own - median >= settings.dryLead ? leadHops[c] + 1 : 0
            if leadHops[c] >= Self.leadHopsNeeded { result |= 1 << UInt64(c) }
        }
        return result
    }

    /// Counts, per channel, the hops since a fast fall (as `ChannelTracker` finds one) at least
    /// `dryFallMargin` larger than the median fall, over the same 8 hops, of the other channels
    /// not carrying their own wearer's voice (on, and the arbiter's owner in the last hop): such
    /// a channel falls with its wearer's syllables, which says nothing about this one. With fewer
    /// than `fallWitnessesNeeded` of those, any fast fall proves, as without the margin.
    private mutating func recordOwnFalls() {
        let n = channelCount
        var fell = false
        for c in 0..<n where trackers[c].hopsSinceDry == 0 { fell = true }
        guard fell else {
            for c in 0..<n { hopsSinceOwnFall[c] += 1 }
            return
        }
        var quiet = 0
        var speaking: UInt64 = 0
        for c in 0..<n where trackers[c].active && arbiter.owner & (1 << UInt64(c)) != 0 {
            speaking |= 1 << UInt64(c)
        }
        for c in 0..<n where speaking & (1 << UInt64(c)) == 0 {
            Self.insert(trackers[c].fall, after: quiet, into: &sortedScores)
            quiet += 1
        }
        for c in 0..<n {
            var ownFall = trackers[c].hopsSinceDry == 0
            let own = trackers[c].fall
            let isSpeaking = speaking & (1 << UInt64(c)) != 0
            if ownFall && (isSpeaking ? quiet : quiet - 1) >= Self.fallWitnessesNeeded {
                let median = isSpeaking
                    ? Self.median(of: sortedScores, count: quiet)
                    : Self.median(of: sortedScores, count: quiet, leavingOut: own)
                ownFall = own - median >= settings.dryFallMargin
            }
            hopsSinceOwnFall[c] = ownFall ? 0 : hopsSinceOwnFall[c] + 1
        }
    }

    /// Inserts `x` into the ascending first `count` values of `sorted` (insertion sort, one step:
    /// a handful of channels, no allocation).
    @inline(__always)
    static func insert(_ x: Float, after count: Int, into sorted: inout [Float]) {
        var j = count
        while j > 0 && sorted[j - 1] > x { sorted[j] = sorted[j - 1]; j -= 1 }
        sorted[j] = x
    }

    /// The median of `sorted` (ascending, holding `value`) with one copy of `value` left out.
    static func median(of sorted: [Float], leavingOut value: Float) -> Float {
        median(of: sorted, count: sorted.count, leavingOut: value)
    }

    /// The median of the first `count` values of `sorted` (ascending; 0 when `count` is 0).
    static func median(of sorted: [Float], count m: Int) -> Float {
        guard m > 0 else { return 0 }
        return m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2])
    }

    /// The median of the first `count` values of `sorted` (ascending, holding `value`) with one
    /// copy of `value` left out (0 when none are left).
    static func median(of sorted: [Float], count: Int, leavingOut value: Float) -> Float {
        let m = count - 1
        guard m > 0 else { return 0 }
        var k = 0
        while k < m && sorted[k] < value { k += 1 }
        // The others' p-th value is sorted[p] below the left-out copy, sorted[p + 1] from it on.
        func other(_ p: Int) -> Float { sorted[p < k ? p : p + 1] }
        return m % 2 == 1 ? other(m / 2) : 0.5 * (other(m / 2 - 1) + other(m / 2))
    }

    /// Decides the start-up hops held so far, in order, against the lowest level they showed.
    /// Emits as it goes (the shaper holds only `delay` hops), all but the last hop, which the
    /// caller releases like any other.
    private mutating func decideHeldHops(emit: (ActivityFrame) -> Void) {
        for hop in 0..<heldHops {
            for c in 0..<channelCount {
                if let level = held[hop * channelCount + c] {
                    trackers[c].decide(level: level, floor: heldFloor[c], settings: settings)
                }
            }
            pushDecision()
            guard hop < heldHops - 1 else { break }
            emitFinal(emit: emit)
        }
        heldHops = .max
    }
}
