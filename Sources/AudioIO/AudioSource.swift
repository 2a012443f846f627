/// Sample rate and channel count of an audio stream.
public struct AudioFormat: Sendable, Hashable {
    public var sampleRate: Int
    public var channelCount: Int

    public init(sampleRate: Int, channelCount: Int) {
        self.sampleRate = sampleRate
        self.channelCount = channelCount
    }
}

/// Something that delivers audio one block at a time: a WAV file, an ALSA capture device.
///
/// Samples are interleaved `Float` in -1...1 whatever the source's own encoding.
public protocol AudioSource: AnyObject {
    var format: AudioFormat { get }
    /// A short name for people and for the stored meeting: a file name or a device name.
    var name: String { get }
    /// Things worth telling the user that did not stop reading (e.g. a truncated file).
    var warnings: [String] { get }
    /// Fills `buffer` with up to `buffer.count / format.channelCount` interleaved frames and
    /// returns how many frames it wrote; 0 means the end of the audio.
    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int
}
