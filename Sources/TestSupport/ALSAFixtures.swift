import AudioIO
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Stand-ins for a sound card, built from ALSA's `file` plugin: a raw file (or named pipe) as
/// a capture device, a WAV file as a playback device.
///
/// In-process tests pass an `ALSAConfiguration` to the source or playback; tests that run the
/// `turnkeeper` binary write a config file with `configFile(definitions:in:)` and give the
/// child `environment(configFile:)`, which points `ALSA_CONFIG_PATH` at it. The plugin does
/// not pace reads and has no end of file (a reader past the end gets silence); a named pipe
/// written by `PacedPipeWriter` paces them in real time.
public enum ALSAFixtures {
    /// The machine's global ALSA configuration, included first by `configFile`.
    public static let globalConfiguration = "/usr/share/alsa/alsa.conf"

    /// Writes interleaved `samples` as raw little-endian PCM or float, no header: what the
    /// `file` plugin's `infile` expects.
    public static func writeRaw(_ samples: [Float], encoding: WAVFixture.Encoding = .pcm16, to url: URL) throws {
        try Data(WAVFixture.encode(samples, as: encoding)).write(to: url)
    }

    /// `samples` as the values a 16-bit device delivers: each rounded to a multiple of 1/32768.
    public static func quantized16(_ samples: [Float]) -> [Float] {
        samples.map { x in
            let code = (Double(min(max(x, -1), 1)) * 32768).rounded()
            return Float(min(max(code, -32768), 32767) / 32768)
        }
    }

    /// A capture PCM `name` that offers only float samples (like some USB interfaces), fed
    /// from `rawFile` holding float samples.
    ///
    /// The `file` plugin sits on top and the restriction below it (`lfloat` over `null`): under
    /// a conversion plugin the `file` plugin reads a whole buffer ahead of what is consumed and
    /// skips samples, so the stand-in must not sit under one when samples are compared.
    public static func floatOnlyCaptureDefinition(name: String, rawFile: String) -> String {
        """
        pcm.\(name) {
          type file
          slave.pcm { type lfloat; slave { pcm "null"; format S16_LE } }
          file "/dev/null"; infile \(ALSAConfiguration.quoted(rawFile)); format "raw"
        }

        """
    }

    /// Replaces ALSA's `hw:` and `plughw:` with a picky card fed from `rawFile` (mono 16-bit):
    /// `hw:ANY` takes exactly one channel, the way real hardware refuses what it lacks, and
    /// `plughw:ANY` converts to it, the way ALSA's real `plughw` does. Under `plughw` the
    /// `file` plugin reads a buffer ahead and skips samples: compare order, not positions.
    public static func pickyHardwareDefinitions(rawFile: String) -> String {
        let args = """
            @args [ CARD DEV SUBDEV ]
              @args.CARD { type string }
              @args.DEV { type integer default 0 }
              @args.SUBDEV { type integer default -1 }
            """
        // The `file` plugin on top (it reads its infile in both read and mmap transfers);
        // `multi` over `null` below it is what takes exactly one channel.
        return """
            pcm.!hw {
              \(args)
              type file
              slave.pcm { type multi; slaves.a { pcm "null" channels 1 } bindings.0 { slave a; channel 0 } }
              file "/dev/null"; infile \(ALSAConfiguration.quoted(rawFile)); format "raw"
            }
            pcm.!plughw {
              \(args)
              type plug
              slave.pcm { @func concat strings [ "hw:" $CARD ] }
            }

            """
    }

    /// A playback PCM `name` that takes exactly two channels (like many USB speakers and
    /// laptop codecs) and writes them to `wavFile`.
    public static func stereoOnlyPlaybackDefinition(name: String, wavFile: String) -> String {
        """
        pcm.\(name) {
          type file
          slave.pcm { type multi; slaves.a { pcm "null" channels 2 } bindings.0 { slave a; channel 0 } bindings.1 { slave a; channel 1 } }
          file \(ALSAConfiguration.quoted(wavFile)); format "wav"
        }

        """
    }

    /// Writes an ALSA config file for `ALSA_CONFIG_PATH`: the global configuration, then
    /// `definitions` (e.g. `ALSAConfiguration.fileCaptureDefinition(…)`).
    public static func configFile(definitions: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("asound-\(UUID().uuidString).conf")
        try "<\(globalConfiguration)>\n\(definitions)".write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The environment that makes a child process read `configFile` as its ALSA configuration.
    public static func environment(configFile: URL) -> [String: String] {
        ["ALSA_CONFIG_PATH": configFile.path]
    }

    /// Reads `frames` frames from `source` through one buffer of `blockFrames` frames (a live
    /// source returns at most a period per read), and the frame count of each read.
    public static func capture(
        _ source: any AudioSource, frames: Int, blockFrames: Int = 4096
    ) throws -> (samples: [Float], reads: [Int]) {
        let channels = source.format.channelCount
        var out: [Float] = []
        var reads: [Int] = []
        var block = [Float](repeating: .nan, count: blockFrames * channels)
        while out.count < frames * channels {
            let got = try block.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            guard got > 0 else { break }
            reads.append(got)
            out += block[0..<got * channels]
        }
        return (Array(out.prefix(frames * channels)), reads)
    }

    /// Decodes the WAV a `file`-plugin playback device wrote, as mono-or-interleaved floats.
    public static func readPlayback(_ url: URL) throws -> (samples: [Float], format: AudioFormat) {
        let source = try WAVFileSource(path: url.path)
        var out: [Float] = []
        var block = [Float](repeating: 0, count: 4096 * source.format.channelCount)
        while true {
            let frames = try block.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            if frames == 0 { break }
            out += block[0..<frames * source.format.channelCount]
        }
        return (out, source.format)
    }
}

extension ALSAFixtures {
    /// Writes bytes into a named pipe at a steady pace from its own thread: the `infile` of a
    /// capture PCM that then delivers audio in real time, like a microphone.
    ///
    /// Each write is one block of `blockBytes` (keep it a whole number of the reader's periods
    /// and at most 4096 bytes, so the pipe delivers it whole). The pipe is created by `init`
    /// and removed by `wait()`; `writeTimes` are CLOCK_MONOTONIC seconds just before each write, so no reader can
    /// have a block before its time.
    public final class PacedPipeWriter: @unchecked Sendable {
        public let path: String
        private let bytes: [UInt8]
        private let blockBytes: Int
        private let interval: Double
        private let times = Mutex<[Double]>([])
        private let done = DispatchSemaphore(value: 0)

        /// Creates the pipe at `path` (`mkfifo`, mode 0600); call `start()` before opening the PCM.
        public init(path: String, bytes: [UInt8], blockBytes: Int, interval: Double) throws {
            guard mkfifo(path, 0o600) == 0 else {
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "mkfifo \(path) failed: errno \(errno)"])
            }
            self.path = path
            self.bytes = bytes
            self.blockBytes = blockBytes
            self.interval = interval
        }

        /// Starts the writer thread; it blocks in `open` until the reader opens the pipe.
        public func start() {
            let thread = Thread { [self] in
                defer { done.signal() }
                let fd = open(path, O_WRONLY)
                guard fd >= 0 else { return }
                defer { _ = close(fd) }
                let begin = Self.now()
                var offset = 0
                var index = 0
                while offset < bytes.count {
                    Self.sleep(until: begin + Double(index) * interval)
                    let count = min(blockBytes, bytes.count - offset)
                    times.withLock { $0.append(Self.now()) }
                    let written = bytes.withUnsafeBytes { raw -> Int in
                        guard let base = raw.baseAddress else { return -1 }
                        return write(fd, base + offset, count)
                    }
                    guard written == count else { return }
                    offset += count
                    index += 1
                }
            }
            thread.start()
        }

        /// Waits for the writer to finish (or give up) and removes the pipe.
        public func wait() {
            done.wait()
            unlink(path)
        }

        /// When each block was about to be written, CLOCK_MONOTONIC seconds.
        public var writeTimes: [Double] { times.withLock { $0 } }

        /// CLOCK_MONOTONIC now, in seconds.
        public static func now() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }

        private static func sleep(until deadline: Double) {
            let wait = deadline - now()
            if wait > 0 { usleep(UInt32(wait * 1e6)) }
        }
    }
}

extension ALSAFixtures {
    /// Where two sample arrays first differ by more than `tolerance` (or differ in length),
    /// described for a test failure; nil when they match. Keeps failures short: no arrays.
    public static func mismatch(_ got: [Float], _ expected: [Float], tolerance: Float = 0) -> String? {
        guard got.count == expected.count else { return "\(got.count) samples, expected \(expected.count)" }
        for i in got.indices where !(abs(got[i] - expected[i]) <= tolerance) {
            return "sample \(i) is \(got[i]), expected \(expected[i]) (±\(tolerance))"
        }
        return nil
    }
}
