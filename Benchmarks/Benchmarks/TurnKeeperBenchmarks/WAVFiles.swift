import Foundation

/// Writes the WAV files the decoding benchmarks read (PCM16 or float32), into a temporary folder.
enum WAVFiles {
    /// Writes `samples` (interleaved, -1...1) as a canonical 44-byte-header WAV and returns its path.
    static func write(_ samples: [Float], channels: Int, sampleRate: Int, float32: Bool, name: String) throws -> String
    {
        let width = float32 ? 4 : 2
        var data = Data(capacity: 44 + samples.count * width)
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { data.append(contentsOf: $0) } }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8))
        u32(36 + samples.count * width)
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        u32(16)
        u16(float32 ? 3 : 1)
        u16(channels)
        u32(sampleRate)
        u32(sampleRate * channels * width)
        u16(channels * width)
        u16(8 * width)
        data.append(contentsOf: Array("data".utf8))
        u32(samples.count * width)
        for x in samples {
            if float32 {
                withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            } else {
                let v = Int16(max(-32768, min(32767, (x * 32767).rounded())))
                withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        let path = NSTemporaryDirectory() + "turnkeeper-bench-\(getpid())-\(name).wav"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
