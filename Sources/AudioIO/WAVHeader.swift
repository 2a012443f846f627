/// What a WAV file's header says about its audio, after checking that it can be read.
///
/// `frameCount` counts only the whole frames actually present in the file: a data chunk that
/// claims more bytes than the file holds, or ends in a partial frame, is cut to what is there.
public struct WAVHeader: Sendable, Hashable {
    /// How samples are stored.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// Integer PCM: 8-bit unsigned, or 16/24/32-bit signed, little-endian.
        case pcm = "PCM"
        /// IEEE 754 floating point, 32 or 64 bits, little-endian.
        case float = "IEEE float"
    }

    public var encoding: Encoding
    /// Bits per sample as stored (the container size for WAVE_FORMAT_EXTENSIBLE).
    public var bitsPerSample: Int
    public var channelCount: Int
    public var sampleRate: Int
    /// Whole frames present in the data chunk.
    public var frameCount: Int
    /// Whether the fmt chunk is WAVE_FORMAT_EXTENSIBLE (format tag 0xFFFE).
    public var isExtensible: Bool
    /// Bytes per frame: `channelCount × bitsPerSample / 8`.
    public var blockAlign: Int
    /// Byte offset of the first sample in the file.
    public var dataOffset: Int

    public init(
        encoding: Encoding, bitsPerSample: Int, channelCount: Int, sampleRate: Int,
        frameCount: Int, isExtensible: Bool, blockAlign: Int, dataOffset: Int
    ) {
        self.encoding = encoding
        self.bitsPerSample = bitsPerSample
        self.channelCount = channelCount
        self.sampleRate = sampleRate
        self.frameCount = frameCount
        self.isExtensible = isExtensible
        self.blockAlign = blockAlign
        self.dataOffset = dataOffset
    }

    /// Length of the audio in seconds.
    public var durationSeconds: Double {
        sampleRate > 0 ? Double(frameCount) / Double(sampleRate) : 0
    }

    /// The sample rate and channel count, as every `AudioSource` reports them.
    public var audioFormat: AudioFormat {
        AudioFormat(sampleRate: sampleRate, channelCount: channelCount)
    }
}
