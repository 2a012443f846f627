import VoiceActivity

/// Builds detector decisions by hand: "channel 0 speaks from 1.0 s to 3.5 s", at a 10 ms hop.
///
/// Lets turn-tracking tests run without audio.
public struct ActivityScript: Sendable {
    public let sampleRate: Int
    public let hop: Int
    public private(set) var speech: [(channel: Int, start: Double, end: Double)] = []

    public init(sampleRate: Int = 16_000, hopSeconds: Double = 0.01) {
        self.sampleRate = sampleRate
        self.hop = Int((Double(sampleRate) * hopSeconds).rounded())
    }

    /// Adds speech on `channel` from `start` to `end` seconds.
    public func speaking(_ channel: Int, from start: Double, to end: Double) -> ActivityScript {
        var copy = self
        copy.speech.append((channel, start, end))
        return copy
    }

    /// The frame index of `seconds`, rounded to the hop grid.
    public func frame(_ seconds: Double) -> Int64 {
        Int64((seconds * Double(sampleRate) / Double(hop)).rounded()) * Int64(hop)
    }

    /// Frames covering `0..<duration` seconds, back to back.
    public func frames(duration: Double) -> [ActivityFrame] {
        let total = frame(duration)
        var out: [ActivityFrame] = []
        var t: Int64 = 0
        while t < total {
            let length = Int(min(Int64(hop), total - t))
            var set = ChannelSet()
            for s in speech where t >= frame(s.start) && t < frame(s.end) {
                set.insert(channel: s.channel)
            }
            out.append(ActivityFrame(start: t, length: length, speaking: set))
            t += Int64(length)
        }
        return out
    }
}
