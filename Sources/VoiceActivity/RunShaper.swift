/// Turns raw per-hop decisions into speech runs: minimum length, pre-roll and hangover.
///
/// Holds decisions back by `delay = minimum + preRoll` hops in a ring of channel masks, so a
/// run can be dropped if it ends too soon and extended backwards once confirmed. A run is
/// confirmed after `minimum` consecutive raw hops; it is then held for `hangover` hops after
/// the raw decision falls, and a raw hop during the hangover continues the run at once.
struct RunShaper: Sendable {
    private var ring: [UInt64]
    private var runLength: [Int32]
    private var hangLeft: [Int32]
    private let minimum: Int
    private let preRoll: Int
    private let hangover: Int32
    /// How many hops a decision is held back.
    let delay: Int
    /// Hops pushed so far.
    private(set) var pushed: Int64 = 0
    /// Hops released so far.
    private(set) var released: Int64 = 0

    init(channelCount: Int, minimumHops: Int, preRollHops: Int, hangoverHops: Int) {
        minimum = max(1, minimumHops)
        preRoll = max(0, preRollHops)
        hangover = Int32(max(0, hangoverHops))
        delay = minimum - 1 + preRoll
        ring = Array(repeating: 0, count: delay + 1)
        runLength = Array(repeating: 0, count: channelCount)
        hangLeft = Array(repeating: 0, count: channelCount)
    }

    @inline(__always)
    private mutating func mark(hop: Int64, channelBit: UInt64) {
        ring[Int(hop % Int64(ring.count))] |= channelBit
    }

    /// Adds one hop of raw decisions (bit i = channel i).
    mutating func push(raw: UInt64) {
        let t = pushed
        ring[Int(t % Int64(ring.count))] = 0
        for c in 0..<runLength.count {
            let bit: UInt64 = 1 << UInt64(c)
            if raw & bit != 0 {
                runLength[c] += 1
                if hangLeft[c] > 0 && runLength[c] < minimum { runLength[c] = Int32(minimum) + 1 }
                let run = Int(runLength[c])
                if run == minimum {
                    let back = min(Int64(minimum - 1 + preRoll), t - released)
                    var h = t - back
                    while h <= t { mark(hop: h, channelBit: bit); h += 1 }
                } else if run > minimum {
                    mark(hop: t, channelBit: bit)
                }
                if run >= minimum { hangLeft[c] = hangover }
            } else {
                runLength[c] = 0
                if hangLeft[c] > 0 {
                    mark(hop: t, channelBit: bit)
                    hangLeft[c] -= 1
                }
            }
        }
        pushed += 1
    }

    /// The oldest held-back hop, if it is final now (or `flush` is true); nil otherwise.
    mutating func release(flush: Bool) -> UInt64? {
        guard released < pushed, flush || pushed - released > Int64(delay) else { return nil }
        let mask = ring[Int(released % Int64(ring.count))]
        released += 1
        return mask
    }
}
