/// Turns raw per-hop decisions into speech runs: minimum length, pre-roll, bridging and hangover.
///
/// Holds decisions back by `delay = minimum - 1 + preRoll + bridge` hops in a ring of channel
/// masks, so that a run can be dropped if it ends too soon and extended backwards once
/// confirmed. A run is confirmed after `minimum` consecutive raw hops; it then starts `preRoll`
/// hops early, and if the previous run on that channel ended at most `bridge` hops before, the
/// gap is filled (a pause between words), unless the gap held `pause` hops or more in a row in
/// which the channel was not even `audible` (a real pause, which the padding alone covers, and
/// not a voice dropping out under someone else's). After the raw decision falls the run is held for
/// `hangover` hops; a raw hop during the hangover continues the run at once. Bridging looks
/// ahead, so a pause is filled only when speech really resumes and the end of a turn gets
/// only the short hangover.
///
/// Each hop also says which channels merely clear the off threshold (`sustained`). Within
/// `resume` hops of a channel's last speech, such a hop counts as raw speech (the hysteresis
/// picks the run up again after a breath); and a confirmed run starts up to `reach` hops before
/// its first raw hop where the channel was already sustained (the rise of the first word).
/// `heard` tells, per hop, which channels were raw or resumed, as against padding.
///
/// With a `wait`, each hop also says which channels show a close voice (`dry`: a recent fast
/// fall, or a lead over the other microphones). A run is then confirmed only once one of its
/// hops shows it, or once it has lasted `wait` hops; proof that comes within the look-ahead
/// keeps the run from its start, later proof from as far back as is not yet released. A second
/// kind of proof (`shaped`: a hop shaped like voiced speech) works the same way; a run needs
/// both before its `wait` is over (a kind not asked for is passed as every channel). With a veto
/// (`vetoFraction`), a run that has lasted `vetoHops` and in which at least that fraction of the
/// hops were `bright` (shaped unlike a vowel) is taken back wherever it is not yet released, and
/// nothing more of it is kept: rustle next to a microphone, proven by a vowel a moment before.
struct RunShaper: Sendable {
    private var ring: [UInt64]
    private var runLength: [Int32]
    private var hangLeft: [Int32]
    /// The last hop marked as speech, per channel.
    private var lastOn: [Int64]
    /// Per channel, consecutive hops up to the newest that were not audible, and the longest
    /// such stretch since the channel was last heard.
    private var quietRun: [Int32]
    private var longestQuiet: [Int32]
    /// Per channel, consecutive hops up to the newest whose score was above the off threshold,
    /// and how many of them came just before the current raw run began.
    private var sustainedRun: [Int32]
    private var sustainedBefore: [Int32]
    private let reach: Int32
    private let resume: Int64
    /// The channels whose current raw run is kept (confirmed), those whose run has shown a
    /// close voice (proven), and those whose run has shown a hop shaped like voiced speech.
    private var confirmed: UInt64 = 0
    private var proven: UInt64 = 0
    private var shapeProven: UInt64 = 0
    /// The channels whose current run was vetoed, and per channel: bright hops in the current
    /// run, the first hop marked for it, and the last speech before it.
    private var vetoed: UInt64 = 0
    private var brightCount: [Int32]
    private var markedFrom: [Int64]
    private var lastOnBefore: [Int64]
    private let vetoFraction: Float
    private let vetoHops: Int
    /// How long a run without a fast fall waits for one before it is kept anyway (hops; 0 = off).
    private let wait: Int
    private let minimum: Int
    private let preRoll: Int
    private let bridge: Int
    /// The shortest inaudible stretch that keeps a gap from being bridged (hops; 0 = every short
    /// enough gap is).
    private let pause: Int32
    private let hangover: Int32
    /// How many hops a decision is held back.
    let delay: Int
    /// Hops pushed so far.
    private(set) var pushed: Int64 = 0
    /// The raw decision of the newest hop.
    private var lastRaw: UInt64 = 0
    /// The channels heard in the newest hop: its raw decision, and the channels a hop above the
    /// off threshold resumed (a kept run picked up again after a breath). Padding is not heard.
    private(set) var heard: UInt64 = 0
    /// Hops released so far.
    private(set) var released: Int64 = 0

    init(
        channelCount: Int, minimumHops: Int, preRollHops: Int, bridgeHops: Int, hangoverHops: Int,
        reachHops: Int = 0, resumeHops: Int = 0, waitHops: Int = 0, vetoFraction: Double = 0,
        vetoHops: Int = 0, pauseHops: Int = 0
    ) {
        pause = Int32(max(0, pauseHops))
        minimum = max(1, minimumHops)
        preRoll = max(0, preRollHops)
        bridge = max(0, bridgeHops)
        hangover = Int32(max(0, hangoverHops))
        delay = minimum - 1 + preRoll + bridge
        ring = Array(repeating: 0, count: delay + 1)
        runLength = Array(repeating: 0, count: channelCount)
        hangLeft = Array(repeating: 0, count: channelCount)
        lastOn = Array(repeating: Int64.min / 2, count: channelCount)
        quietRun = Array(repeating: 0, count: channelCount)
        longestQuiet = Array(repeating: 0, count: channelCount)
        sustainedRun = Array(repeating: 0, count: channelCount)
        sustainedBefore = Array(repeating: 0, count: channelCount)
        reach = Int32(max(0, reachHops))
        resume = Int64(max(0, resumeHops))
        wait = max(0, waitHops)
        brightCount = Array(repeating: 0, count: channelCount)
        markedFrom = Array(repeating: 0, count: channelCount)
        lastOnBefore = Array(repeating: Int64.min / 2, count: channelCount)
        self.vetoFraction = Float(vetoFraction)
        self.vetoHops = max(1, vetoHops)
    }

    @inline(__always)
    private mutating func mark(hop: Int64, channelBit: UInt64) {
        ring[Int(hop % Int64(ring.count))] |= channelBit
    }

    /// Adds one hop of raw decisions (bit i = channel i), the channels whose score cleared the
    /// off threshold in it (`sustained`: for resuming and for the onset reach), and those that
    /// show a close voice (`dry`: proof for a run, when there is a `wait`) and those shaped like
    /// voiced speech (`shaped`: the other proof), and those shaped unlike a vowel (`bright`: for the
    /// veto), and those whose own level says sound on their microphone, whatever the arbiter
    /// decided (`audible`: a gap without it is a pause).
    mutating func push(
        raw: UInt64, sustained: UInt64 = 0, dry: UInt64 = ~0, shaped: UInt64 = ~0, bright: UInt64 = 0,
        audible: UInt64 = ~0
    ) {
        let t = pushed
        lastRaw = raw
        heard = raw
        ring[Int(t % Int64(ring.count))] = 0
        for c in 0..<runLength.count {
            let bit: UInt64 = 1 << UInt64(c)
            sustainedRun[c] = sustained & bit != 0 ? sustainedRun[c] + 1 : 0
            quietRun[c] = audible & bit != 0 ? 0 : quietRun[c] + 1
            longestQuiet[c] = max(longestQuiet[c], quietRun[c])
            let resumes = sustained & bit != 0 && t - lastOn[c] <= resume
            if raw & bit != 0 || resumes {
                runLength[c] += 1
                if runLength[c] == 1 {
                    sustainedBefore[c] = min(reach, max(0, sustainedRun[c] - 1))
                    proven &= ~bit
                    shapeProven &= ~bit
                    vetoed &= ~bit
                    brightCount[c] = 0
                    markedFrom[c] = t
                    lastOnBefore[c] = lastOn[c]
                }
                proven |= dry & bit
                shapeProven |= shaped & bit
                if bright & bit != 0 { brightCount[c] += 1 }
                if hangLeft[c] > 0 && runLength[c] < minimum && vetoed & bit == 0 {
                    runLength[c] = Int32(minimum) + 1
                    confirmed |= bit
                }
                let run = Int(runLength[c])
                if vetoFraction > 0 && vetoed & bit == 0 && run >= vetoHops
                    && Float(brightCount[c]) >= vetoFraction * Float(run) {
                    veto(channel: c, bit: bit, hop: t)
                }
                if vetoed & bit != 0 {
                    // taken back: nothing more of this run is kept
                } else if confirmed & bit != 0 {
                    mark(hop: t, channelBit: bit)
                } else if run >= minimum && (proven & shapeProven & bit != 0 || run >= wait) {
                    confirmed |= bit
                    var from = t - Int64(run - 1 + preRoll) - Int64(sustainedBefore[c])
                    if from - lastOn[c] - 1 <= Int64(bridge) && (pause == 0 || longestQuiet[c] < pause) {
                        from = lastOn[c] + 1
                    }
                    from = max(from, released)
                    markedFrom[c] = from
                    var h = from
                    while h <= t { mark(hop: h, channelBit: bit); h += 1 }
                }
                if confirmed & bit != 0 {
                    heard |= bit
                    hangLeft[c] = hangover
                    lastOn[c] = t
                    longestQuiet[c] = 0
                }
            } else {
                runLength[c] = 0
                confirmed &= ~bit
                vetoed &= ~bit
                if hangLeft[c] > 0 {
                    mark(hop: t, channelBit: bit)
                    hangLeft[c] -= 1
                    lastOn[c] = t
                }
            }
        }
        pushed += 1
    }

    /// Takes back channel `c`'s current run from the hops not yet released (the newest not yet
    /// pushed into the ring), with the bridge and hangover it brought.
    private mutating func veto(channel c: Int, bit: UInt64, hop t: Int64) {
        vetoed |= bit
        if confirmed & bit != 0 {
            var h = max(markedFrom[c], released)
            while h < t { ring[Int(h % Int64(ring.count))] &= ~bit; h += 1 }
            confirmed &= ~bit
            lastOn[c] = lastOnBefore[c]
        }
        hangLeft[c] = 0
    }

    /// The newest hop's channels that are certain: heard in that hop (its raw decision) and in
    /// a run already confirmed. Its final decision keeps them: shaping only adds to a hop
    /// (pre-roll, bridging, hangover), and what the arbiter takes back afterwards is padding,
    /// never a raw hop.
    var newest: UInt64 { pushed > 0 ? ring[Int((pushed - 1) % Int64(ring.count))] & lastRaw : 0 }

    /// The oldest held-back hop, if it is final now (or `flush` is true); nil otherwise.
    mutating func release(flush: Bool) -> UInt64? {
        guard released < pushed, flush || pushed - released > Int64(delay) else { return nil }
        let mask = ring[Int(released % Int64(ring.count))]
        released += 1
        return mask
    }
}
