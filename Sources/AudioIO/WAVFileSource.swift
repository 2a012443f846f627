import Foundation

/// Reads a RIFF/WAVE file in blocks.
///
/// PLACEHOLDER (skeleton): the WAV work replaces this body; the public API stays.
public final class WAVFileSource: AudioSource {
    public let format: AudioFormat
    public let name: String
    public private(set) var warnings: [String] = []

    public init(path: String) throws {
        throw AudioIOError.notWAV(path: path)
    }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int { 0 }
}
