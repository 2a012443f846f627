/// A set of input channels, as a bitmask: channel `i` is bit `i`. Up to 64 channels.
public struct ChannelSet: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The set holding just `channel` (0-based, below 64).
    public init(channel: Int) { self.rawValue = 1 << UInt64(channel) }

    public func contains(channel: Int) -> Bool { rawValue & (1 << UInt64(channel)) != 0 }
    public mutating func insert(channel: Int) { rawValue |= 1 << UInt64(channel) }
    public mutating func remove(channel: Int) { rawValue &= ~(1 << UInt64(channel)) }

    /// How many channels are in the set.
    public var count: Int { rawValue.nonzeroBitCount }

    /// The channels in ascending order. Allocates: not for the audio path.
    public var channels: [Int] { (0..<64).filter { contains(channel: $0) } }
}

/// One detector decision: which channels carry their owner's speech during one hop.
///
/// Time is in sample frames from the start of the audio, never wall-clock time. The detector
/// emits frames in order, back to back (`start` of one is `start + length` of the previous),
/// possibly a little after the audio they describe (look-ahead for minimum speech length).
public struct ActivityFrame: Sendable, Hashable {
    /// First sample frame this decision covers.
    public var start: Int64
    /// Number of sample frames covered (the detector's hop).
    public var length: Int
    /// Channels on which the channel's owner is speaking (bleed already rejected).
    public var speaking: ChannelSet

    /// First sample frame of the newest hop the detector had heard when it emitted this
    /// decision: `start` plus the detector's look-ahead (`start` when there is none).
    public var leadingStart: Int64
    /// Channels already certain to be speaking in the hop at `leadingStart`, before that hop's
    /// decision is final (heard in it, in a confirmed run): its final decision holds at least
    /// these (it may add onsets, bridged pauses and hangover). Lets a listener act on the
    /// present without waiting out the look-ahead.
    public var leading: ChannelSet

    /// A decision with no look-ahead: `leadingStart` is `start` and `leading` is `speaking`
    /// (the detector sets both after making the frame).
    public init(start: Int64, length: Int, speaking: ChannelSet) {
        self.start = start
        self.length = length
        self.speaking = speaking
        self.leadingStart = start
        self.leading = speaking
    }

    /// One past the last sample frame covered.
    public var end: Int64 { start + Int64(length) }
}
