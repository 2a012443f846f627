/// Reads a RIFF/WAVE file in blocks: PCM 8/16/24/32-bit, IEEE float 32/64-bit, plain or
/// WAVE_FORMAT_EXTENSIBLE, 1 to 64 channels, 8000...48000 Hz.
///
/// `init` reads only the header and throws an `AudioIOError` naming the file and the problem.
/// A data chunk that claims more bytes than the file holds (including the 0xFFFFFFFF size of
/// streamed files) is read as far as it goes, with a warning. Reading uses one staging buffer
/// allocated in `init`: memory does not grow with the file, and `read` allocates nothing. The
/// file is read ahead a whole staging buffer at a time (256 KB), so small blocks do not cost a
/// system call each (a 100 ms block of 6 channels is 19 KB).
public final class WAVFileSource: AudioSource {
    public let format: AudioFormat
    /// The file's path as given to `init`.
    public let name: String
    public private(set) var warnings: [String]
    /// What the header says, with `frameCount` cut to the whole frames present.
    public let header: WAVHeader

    /// Bytes read ahead per pass: `stagingBytes / blockAlign` whole frames, at least 512 (64
    /// channels of 64-bit float).
    private static let stagingBytes = 256 * 1024

    private let file: POSIXFile
    private let decoder: WAVSampleDecoder
    private let staging: UnsafeMutableRawPointer
    private let framesPerPass: Int
    /// Frames that can still be read (lowered if the file shrinks while it is read).
    private var frameLimit: Int
    /// Frames handed out by `read` so far.
    private var nextFrame = 0
    /// Whole frames in `staging` not yet handed out, starting at frame `stagedFirst` of it.
    private var stagedFrames = 0
    private var stagedFirst = 0

    /// Opens `path` and reads its header; throws `AudioIOError` if it is not a WAV file this
    /// reader can decode.
    public init(path: String) throws {
        let file = try POSIXFile(path: path)
        do {
            let size = try file.size()
            let parser = WAVHeaderParser(path: path, fileSize: size) { (offset, count) throws(AudioIOError) in
                try file.bytes(at: offset, count: count)
            }
            let result = try parser.parse()
            guard
                let decoder = WAVSampleDecoder(
                    encoding: result.header.encoding, bitsPerSample: result.header.bitsPerSample)
            else {
                throw AudioIOError.unsupportedBitDepth(
                    path: path, encoding: result.header.encoding.rawValue,
                    bitsPerSample: result.header.bitsPerSample)
            }
            self.header = result.header
            self.warnings = result.warnings
            self.decoder = decoder
        } catch {
            file.close()
            throw error
        }
        self.file = file
        self.name = path
        self.format = header.audioFormat
        self.frameLimit = header.frameCount
        self.framesPerPass = Self.stagingBytes / header.blockAlign
        self.staging = UnsafeMutableRawPointer.allocate(byteCount: Self.stagingBytes, alignment: 16)
    }

    deinit {
        file.close()
        staging.deallocate()
    }

    /// Fills `buffer` with up to `buffer.count / channelCount` interleaved frames and returns
    /// how many it wrote; 0 at the end of the audio (or if `buffer` holds less than one frame).
    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        guard let destination = buffer.baseAddress else { return 0 }
        let channels = header.channelCount
        let wanted = buffer.count / channels
        var done = 0
        while done < wanted {
            if stagedFrames == 0 {
                try readAhead()
                if stagedFrames == 0 { break }
            }
            let frames = min(wanted - done, stagedFrames)
            decoder.decode(
                staging + stagedFirst * header.blockAlign, count: frames * channels,
                into: destination + done * channels)
            done += frames
            nextFrame += frames
            stagedFirst += frames
            stagedFrames -= frames
        }
        return done
    }

    /// Reads the next staging buffer's worth of whole frames (fewer at the end of the audio).
    /// A file that ends before its header said is read as far as it goes, with a warning.
    private func readAhead() throws {
        let fileFrame = nextFrame + stagedFrames
        let frames = min(framesPerPass, frameLimit - fileFrame)
        stagedFirst = 0
        guard frames > 0 else { return }
        let bytes = UnsafeMutableRawBufferPointer(start: staging, count: frames * header.blockAlign)
        let offset = header.dataOffset + fileFrame * header.blockAlign
        let whole = try file.read(at: offset, into: bytes) / header.blockAlign
        stagedFrames = whole
        if whole < frames {
            warnings.append(
                "\(name): the file ended at frame \(fileFrame + whole) of \(header.frameCount) while it was being read; it may have been cut short by another program"
            )
            frameLimit = fileFrame + whole
        }
    }
}
