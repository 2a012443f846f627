import Foundation

/// Writes WAV files and bytes for tests: well-formed files in every encoding `WAVFileSource`
/// reads, and malformed ones built chunk by chunk.
///
/// The simple call, for tests that just need a file:
/// `try WAVFixture.write(samples: ramp, channels: 2, sampleRate: 16000, encoding: .pcm16, to: url)`.
/// For a broken header, start from `Builder(samples:…)`, change a field or a chunk, and call
/// `bytes()`; every size field can be overridden, so a builder can say anything a damaged file says.
public enum WAVFixture {
    /// A sample encoding, as stored in the data chunk.
    public enum Encoding: String, Sendable, CaseIterable {
        case pcm8, pcm16, pcm24, pcm32, float32, float64

        public var bitsPerSample: Int {
            switch self {
            case .pcm8: 8
            case .pcm16: 16
            case .pcm24: 24
            case .pcm32, .float32: 32
            case .float64: 64
            }
        }

        /// The WAV format tag: 1 (PCM) or 3 (IEEE float).
        public var formatTag: UInt16 {
            switch self {
            case .float32, .float64: 3
            default: 1
            }
        }

        /// The largest difference between a sample in -1...1 and its value read back: one
        /// quantisation step for integers (never finer than `Float`'s own precision, which
        /// limits 32-bit PCM), zero for floats, which pass through exactly.
        public var tolerance: Float {
            switch self {
            case .float32, .float64: 0
            default: max(1 / Float(1 << Int64(bitsPerSample - 1)), Float.ulpOfOne)
            }
        }
    }

    /// Writes a well-formed WAV file of interleaved `samples` (clipped to -1...1) to `url`.
    public static func write(
        samples: [Float], channels: Int, sampleRate: Int, encoding: Encoding = .pcm16,
        extensible: Bool = false, to url: URL
    ) throws {
        let builder = Builder(
            samples: samples, channels: channels, sampleRate: sampleRate, encoding: encoding,
            extensible: extensible)
        try builder.write(to: url)
    }

    /// The bytes of a well-formed WAV file of interleaved `samples`.
    public static func bytes(
        samples: [Float], channels: Int, sampleRate: Int, encoding: Encoding = .pcm16,
        extensible: Bool = false
    ) -> [UInt8] {
        Builder(
            samples: samples, channels: channels, sampleRate: sampleRate, encoding: encoding,
            extensible: extensible
        ).bytes()
    }

    /// The data-chunk bytes for `samples`: integers scaled by 2^(bits-1), rounded and clipped
    /// (so +1 becomes the largest code, as sox does; NaN becomes 0), 8-bit offset by 128,
    /// floats stored as they are; all little-endian.
    public static func encode(_ samples: [Float], as encoding: Encoding) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(samples.count * encoding.bitsPerSample / 8)
        for sample in samples {
            let x = sample.isNaN ? 0 : Double(min(max(sample, -1), 1))
            let scaled = Int64((x * Double(Int64(1) << Int64(encoding.bitsPerSample - 1))).rounded())
            switch encoding {
            case .pcm8: out.append(UInt8(clamping: 128 + scaled))
            case .pcm16: out.append(littleEndian: UInt16(bitPattern: Int16(clamping: scaled)))
            case .pcm24:
                let v = UInt32(bitPattern: Int32(min(max(scaled, -8_388_608), 8_388_607)))
                out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF)]
            case .pcm32: out.append(littleEndian: UInt32(bitPattern: Int32(clamping: scaled)))
            case .float32: out.append(littleEndian: sample.bitPattern)
            case .float64: out.append(littleEndian: Double(sample).bitPattern)
            }
        }
        return out
    }

    /// A test signal: `frames` frames of `channels` interleaved sines, channel `c` at
    /// `frequency × (c + 1)` Hz, amplitude 0.9, so channels are told apart by their values.
    public static func sine(
        frames: Int, channels: Int, sampleRate: Int, frequency: Double = 440
    ) -> [Float] {
        var out = [Float](repeating: 0, count: frames * channels)
        for f in 0..<frames {
            for c in 0..<channels {
                let phase = 2 * Double.pi * frequency * Double(c + 1) * Double(f) / Double(sampleRate)
                out[f * channels + c] = Float(0.9 * sin(phase))
            }
        }
        return out
    }

    /// One RIFF chunk: a four-character id, a payload, and optionally a size field that lies.
    public struct Chunk: Sendable, Equatable {
        /// Four ASCII characters, e.g. `"fmt "`, `"data"`, `"LIST"`.
        public var id: String
        public var payload: [UInt8]
        /// Written in the size field instead of `payload.count` when set.
        public var declaredSize: UInt32?
        /// Whether an odd-sized payload is followed by the pad byte RIFF requires.
        public var padded: Bool

        public init(id: String, payload: [UInt8], declaredSize: UInt32? = nil, padded: Bool = true) {
            self.id = id
            self.payload = payload
            self.declaredSize = declaredSize
            self.padded = padded
        }

        /// A `fmt ` chunk. `extensibleSubformat` makes it WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE,
        /// 40 bytes) with that subformat code in the standard KSDATAFORMAT GUID; `blockAlign`
        /// and `byteRate` default to the consistent values.
        public static func format(
            tag: UInt16, channels: Int, sampleRate: Int, bitsPerSample: Int,
            blockAlign: Int? = nil, byteRate: Int? = nil, extensibleSubformat: UInt16? = nil
        ) -> Chunk {
            let align = blockAlign ?? channels * bitsPerSample / 8
            var p: [UInt8] = []
            p.append(littleEndian: extensibleSubformat == nil ? tag : 0xFFFE)
            p.append(littleEndian: UInt16(truncatingIfNeeded: channels))
            p.append(littleEndian: UInt32(truncatingIfNeeded: sampleRate))
            p.append(littleEndian: UInt32(truncatingIfNeeded: byteRate ?? sampleRate * align))
            p.append(littleEndian: UInt16(truncatingIfNeeded: align))
            p.append(littleEndian: UInt16(truncatingIfNeeded: bitsPerSample))
            if let code = extensibleSubformat {
                p.append(littleEndian: UInt16(22))
                p.append(littleEndian: UInt16(truncatingIfNeeded: bitsPerSample))
                let mask: UInt32 = channels < 32 ? (UInt32(1) << UInt32(channels)) - 1 : 0
                p.append(littleEndian: mask)
                p.append(littleEndian: code)
                p += [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
            }
            return Chunk(id: "fmt ", payload: p)
        }

        /// A `data` chunk holding `bytes`, optionally claiming another size.
        public static func data(_ bytes: [UInt8], declaredSize: UInt32? = nil) -> Chunk {
            Chunk(id: "data", payload: bytes, declaredSize: declaredSize)
        }
    }

    /// A whole WAV file as editable parts: the RIFF header's fields and a list of chunks.
    public struct Builder: Sendable, Equatable {
        public var riffID = "RIFF"
        public var waveID = "WAVE"
        /// Written in the RIFF size field instead of the true size when set.
        public var riffSize: UInt32?
        public var chunks: [Chunk]

        public init(chunks: [Chunk]) {
            self.chunks = chunks
        }

        /// A well-formed file: a `fmt ` chunk then a `data` chunk of the encoded `samples`.
        public init(
            samples: [Float], channels: Int, sampleRate: Int, encoding: Encoding = .pcm16,
            extensible: Bool = false
        ) {
            let format = Chunk.format(
                tag: encoding.formatTag, channels: channels, sampleRate: sampleRate,
                bitsPerSample: encoding.bitsPerSample,
                extensibleSubformat: extensible ? encoding.formatTag : nil)
            chunks = [format, .data(WAVFixture.encode(samples, as: encoding))]
        }

        /// Index of the first chunk with `id`, if any.
        public func index(of id: String) -> Int? {
            chunks.firstIndex { $0.id == id }
        }

        /// The file's bytes, exactly as the fields say.
        public func bytes() -> [UInt8] {
            var body: [UInt8] = Array(waveID.utf8.prefix(4))
            for chunk in chunks {
                body += Array(chunk.id.utf8.prefix(4))
                body.append(littleEndian: chunk.declaredSize ?? UInt32(truncatingIfNeeded: chunk.payload.count))
                body += chunk.payload
                if chunk.padded && chunk.payload.count % 2 == 1 { body.append(0) }
            }
            var out: [UInt8] = Array(riffID.utf8.prefix(4))
            out.append(littleEndian: riffSize ?? UInt32(truncatingIfNeeded: body.count))
            return out + body
        }

        /// Writes `bytes()` to `url`.
        public func write(to url: URL) throws {
            try Data(bytes()).write(to: url)
        }
    }

    /// A fresh path in the temporary directory, named `<prefix>-<UUID>.wav`.
    public static func temporaryURL(prefix: String = "fixture") -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString).wav")
    }
}

extension Array where Element == UInt8 {
    /// Appends `value`'s bytes, least significant first.
    fileprivate mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        var v = value.littleEndian
        Swift.withUnsafeBytes(of: &v) { self.append(contentsOf: $0) }
    }
}
