/// Finds speech in interleaved audio, one block at a time, for one or more channels.
///
/// PLACEHOLDER (skeleton): a naive energy threshold so the pipeline compiles end to end.
/// The detector work replaces the body; the public API stays.
public struct SpeechDetector: Sendable {
    public let channelCount: Int
    public let sampleRate: Int
    public let profile: DetectorProfile
    /// Sample frames per decision (10 ms).
    public let hopLength: Int
    private var position: Int64 = 0
    private var pending: Int = 0
    private var energy: [Float]

    public init(channelCount: Int, sampleRate: Int, profile: DetectorProfile) throws(DetectorError) {
        guard channelCount >= 1, channelCount <= 64 else { throw .unsupportedChannelCount(channelCount) }
        guard (8000...192_000).contains(sampleRate) else { throw .unsupportedSampleRate(sampleRate) }
        self.channelCount = channelCount
        self.sampleRate = sampleRate
        self.profile = profile
        self.hopLength = sampleRate / 100
        self.energy = Array(repeating: 0, count: channelCount)
    }

    /// Feeds `frameCount` interleaved frames (`frameCount * channelCount` samples in -1...1)
    /// and calls `emit` for each decision that became final. Allocates nothing.
    public mutating func process(
        _ samples: UnsafeBufferPointer<Float>, frameCount: Int, emit: (ActivityFrame) -> Void
    ) {
        for f in 0..<frameCount {
            for c in 0..<channelCount {
                let s = samples[f * channelCount + c]
                energy[c] += s * s
            }
            pending += 1
            if pending == hopLength {
                var set = ChannelSet()
                for c in 0..<channelCount where energy[c] / Float(hopLength) > 1e-4 {
                    set.insert(channel: c)
                }
                emit(ActivityFrame(start: position, length: hopLength, speaking: set))
                position += Int64(hopLength)
                pending = 0
                for c in 0..<channelCount { energy[c] = 0 }
            }
        }
    }

    /// Flushes decisions still held back at the end of the audio.
    public mutating func finish(emit: (ActivityFrame) -> Void) {
        if pending > 0 {
            emit(ActivityFrame(start: position, length: pending, speaking: []))
            position += Int64(pending)
            pending = 0
        }
    }
}

/// What can go wrong setting up detection.
public enum DetectorError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedChannelCount(Int)
    case unsupportedSampleRate(Int)
    case profileNotFound(String)
    case profileUnreadable(String, reason: String)

    public var description: String {
        switch self {
        case .unsupportedChannelCount(let n):
            return "cannot detect speech on \(n) channels; 1 to 64 are supported"
        case .unsupportedSampleRate(let r):
            return "cannot detect speech at \(r) Hz; 8000 to 192000 Hz are supported"
        case .profileNotFound(let name):
            return "detector profile '\(name)' not found; `turnkeeper profiles` lists the installed ones, or give a path to a .json file"
        case .profileUnreadable(let path, let reason):
            return "detector profile \(path) is not usable: \(reason)"
        }
    }
}
