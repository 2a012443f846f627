import Foundation
import TestSupport

@testable import AudioIO

/// A file in the temporary directory holding given bytes; removed when released.
final class TemporaryFile {
    let url: URL
    var path: String { url.path }

    init(bytes: [UInt8], prefix: String = "audioio") throws {
        url = WAVFixture.temporaryURL(prefix: prefix)
        try Data(bytes).write(to: url)
    }

    /// Replaces the file's contents (for loops that try many byte strings).
    func overwrite(with bytes: [UInt8]) throws {
        try Data(bytes).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Reads `source` to the end in blocks of `blockFrames` frames, through one buffer.
func readAll(_ source: WAVFileSource, blockFrames: Int = 1024) throws -> [Float] {
    let channels = source.format.channelCount
    var out: [Float] = []
    out.reserveCapacity(source.header.frameCount * channels)
    var block = [Float](repeating: .nan, count: blockFrames * channels)
    while true {
        let frames = try block.withUnsafeMutableBufferPointer { try source.read(into: $0) }
        if frames == 0 { return out }
        out += block[0..<frames * channels]
    }
}

/// Largest absolute difference between two equally long sample arrays (infinity if lengths differ).
func maxError(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
