/// The fields of a WAV `fmt ` chunk, decoded and checked against what `WAVFileSource` reads.
struct WAVFormatChunk: Sendable, Equatable {
    var encoding: WAVHeader.Encoding
    var isExtensible: Bool
    var channelCount: Int
    var sampleRate: Int
    var blockAlign: Int
    var bitsPerSample: Int

    static let formatPCM: UInt16 = 0x0001
    static let formatFloat: UInt16 = 0x0003
    static let formatExtensible: UInt16 = 0xFFFE
    /// Bytes 2...15 of every KSDATAFORMAT_SUBTYPE GUID; bytes 0...1 hold the format tag.
    static let subformatGUIDTail: [UInt8] = [
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
    ]
    static let supportedSampleRates = 8000...48000
    static let maximumChannels = 64

    /// Decodes and validates the chunk's body.
    ///
    /// `bytes` holds the first bytes of the body (at most 40), `present` of them; the checks run
    /// in a fixed order (size, encoding, channels, bit depth, sample rate, block align) so each
    /// malformed header gets one specific error.
    init(bytes: [UInt8], path: String) throws(AudioIOError) {
        guard bytes.count >= 16 else {
            throw .truncatedFormatChunk(path: path, needed: 16, present: bytes.count)
        }
        let tag = bytes.uint16(at: 0)
        let channels = Int(bytes.uint16(at: 2))
        let rate = Int(bytes.uint32(at: 4))
        let align = Int(bytes.uint16(at: 12))
        let bits = Int(bytes.uint16(at: 14))

        var code = tag
        isExtensible = tag == Self.formatExtensible
        if isExtensible {
            guard bytes.count >= 40 else {
                throw .truncatedFormatChunk(path: path, needed: 40, present: bytes.count)
            }
            guard Array(bytes[26..<40]) == Self.subformatGUIDTail else {
                throw .unsupportedEncoding(
                    path: path, encoding: "WAVE_FORMAT_EXTENSIBLE with a non-audio subformat GUID")
            }
            code = bytes.uint16(at: 24)
        }
        switch code {
        case Self.formatPCM: encoding = .pcm
        case Self.formatFloat: encoding = .float
        default:
            let name = Self.encodingName(code) + (isExtensible ? " inside WAVE_FORMAT_EXTENSIBLE" : "")
            throw .unsupportedEncoding(path: path, encoding: name)
        }

        guard channels > 0 else { throw .zeroChannels(path: path) }
        guard channels <= Self.maximumChannels else {
            throw .tooManyChannels(path: path, channelCount: channels)
        }
        let depths = encoding == .pcm ? [8, 16, 24, 32] : [32, 64]
        guard depths.contains(bits) else {
            throw .unsupportedBitDepth(path: path, encoding: encoding.rawValue, bitsPerSample: bits)
        }
        guard rate > 0 else { throw .zeroSampleRate(path: path) }
        guard Self.supportedSampleRates.contains(rate) else {
            throw .unsupportedSampleRate(path: path, sampleRate: rate)
        }
        guard align == channels * bits / 8 else {
            throw .blockAlignMismatch(
                path: path, blockAlign: align, channelCount: channels, bitsPerSample: bits)
        }
        channelCount = channels
        sampleRate = rate
        blockAlign = align
        bitsPerSample = bits
    }

    /// A person's name for a WAV format tag, with the tag itself so it can be looked up.
    static func encodingName(_ tag: UInt16) -> String {
        let hex = String(tag, radix: 16, uppercase: true)
        let code = "format 0x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt16: String] = [
            0x0000: "unknown", 0x0002: "Microsoft ADPCM", 0x0006: "A-law", 0x0007: "µ-law",
            0x0011: "IMA ADPCM", 0x0031: "GSM 6.10", 0x0050: "MPEG audio",
            0x0055: "MPEG Layer 3 (MP3)", 0x0092: "Dolby AC-3", 0x00FF: "AAC",
            0x0161: "Windows Media Audio", 0x1610: "HE-AAC", 0xF1AC: "FLAC",
        ]
        guard let name = names[tag] else { return code }
        return "\(name) (\(code))"
    }
}

extension Array where Element == UInt8 {
    /// The little-endian `UInt16` at `offset`; the caller checks the bounds.
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The little-endian `UInt32` at `offset`; the caller checks the bounds.
    func uint32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8
            | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }

    /// The four bytes at `offset` as text, e.g. `"RIFF"`, `"fmt "`; the caller checks the bounds.
    func fourCC(at offset: Int) -> String {
        String(decoding: self[offset..<offset + 4], as: Unicode.ASCII.self)
    }
}
