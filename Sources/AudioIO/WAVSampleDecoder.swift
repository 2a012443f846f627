/// Turns little-endian WAV sample bytes into `Float` in -1...1.
///
/// Integers are scaled by their full range (`Int16.min` → -1); floats are passed through,
/// clamped to -1...1 with NaN read as 0, so a damaged float file cannot poison the detector.
/// Allocates nothing.
struct WAVSampleDecoder: Sendable {
    enum Kind: Sendable {
        case unsigned8, signed16, signed24, signed32, float32, float64
    }

    let kind: Kind

    /// The decoder for `encoding` at `bitsPerSample`, or nil if there is none.
    init?(encoding: WAVHeader.Encoding, bitsPerSample: Int) {
        switch (encoding, bitsPerSample) {
        case (.pcm, 8): kind = .unsigned8
        case (.pcm, 16): kind = .signed16
        case (.pcm, 24): kind = .signed24
        case (.pcm, 32): kind = .signed32
        case (.float, 32): kind = .float32
        case (.float, 64): kind = .float64
        default: return nil
        }
    }

    /// Decodes `count` samples from `source` into `destination`.
    func decode(_ source: UnsafeRawPointer, count: Int, into destination: UnsafeMutablePointer<Float>) {
        switch kind {
        case .unsigned8:
            let bytes = source.assumingMemoryBound(to: UInt8.self)
            for i in 0..<count {
                destination[i] = (Float(bytes[i]) - 128) * (1 / 128)
            }
        case .signed16:
            for i in 0..<count {
                let raw = source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)
                destination[i] = Float(Int16(bitPattern: UInt16(littleEndian: raw))) * (1 / 32768)
            }
        case .signed24:
            let bytes = source.assumingMemoryBound(to: UInt8.self)
            for i in 0..<count {
                let b = bytes + 3 * i
                let packed = UInt32(b[0]) << 8 | UInt32(b[1]) << 16 | UInt32(b[2]) << 24
                destination[i] = Float(Int32(bitPattern: packed) >> 8) * (1 / 8_388_608)
            }
        case .signed32:
            for i in 0..<count {
                let raw = source.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                destination[i] = Float(Int32(bitPattern: UInt32(littleEndian: raw))) * (1 / 2_147_483_648)
            }
        case .float32:
            for i in 0..<count {
                let raw = source.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                destination[i] = Self.clamp(Float(bitPattern: UInt32(littleEndian: raw)))
            }
        case .float64:
            for i in 0..<count {
                let raw = source.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
                destination[i] = Self.clamp(Float(Double(bitPattern: UInt64(littleEndian: raw))))
            }
        }
    }

    @inline(__always)
    private static func clamp(_ x: Float) -> Float {
        x.isNaN ? 0 : min(max(x, -1), 1)
    }
}
