import Foundation
import TestSupport
import Testing

@testable import AudioIO

/// Every malformed header gets its own error, naming the file, in one line.
struct WAVHeaderParserTests {
    /// Writes `bytes` to a temporary file, opens it, and checks the error is exactly `expected`
    /// (built from the file's path) and that its message names the file on one line.
    func expectError(
        _ bytes: [UInt8], _ expected: (String) -> AudioIOError,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let file = try TemporaryFile(bytes: bytes)
        let error = #expect(throws: AudioIOError.self, sourceLocation: sourceLocation) {
            try WAVFileSource(path: file.path)
        }
        #expect(error == expected(file.path), sourceLocation: sourceLocation)
        let message = error.map { String(describing: $0) } ?? ""
        #expect(message.hasPrefix(file.path + ": "), sourceLocation: sourceLocation)
        #expect(!message.contains("\n"), sourceLocation: sourceLocation)
    }

    /// A stereo 16-bit 16 kHz file with 4 frames, as a builder to break.
    var good: WAVFixture.Builder {
        WAVFixture.Builder(samples: Array(repeating: 0.5, count: 8), channels: 2, sampleRate: 16000)
    }

    /// `good` with its fmt chunk replaced.
    func withFormat(
        tag: UInt16 = 1, channels: Int = 2, rate: Int = 16000, bits: Int = 16,
        blockAlign: Int? = nil, subformat: UInt16? = nil
    ) -> [UInt8] {
        var builder = good
        builder.chunks[0] = .format(
            tag: tag, channels: channels, sampleRate: rate, bitsPerSample: bits,
            blockAlign: blockAlign, extensibleSubformat: subformat)
        return builder.bytes()
    }

    @Test func refusesFilesThatAreNotWAV() throws {
        try expectError(Array("hello, this is a meeting agenda, not audio\n".utf8)) { .notWAV(path: $0) }
        try expectError(Array("ID3".utf8) + [4, 0, 0, 0, 0, 0, 0x21] + Array(repeating: 0, count: 40)) {
            .notWAV(path: $0)
        }
        try expectError([0xFF, 0xFB, 0x90, 0x64] + Array(repeating: 0x55, count: 400)) { .notWAV(path: $0) }
        try expectError(Array("RIFF".utf8) + [4, 0, 0, 0] + Array("AVI LIST".utf8)) { .notWAV(path: $0) }
        try expectError([0x0A]) { .notWAV(path: $0) }
    }

    @Test func refusesAnEmptyFile() throws {
        try expectError([]) { .empty(path: $0) }
    }

    @Test func refusesATruncatedRIFFHeader() throws {
        try expectError(Array("RIF".utf8)) { .truncatedHeader(path: $0) }
        try expectError(Array("RIFF".utf8) + [0x24, 0, 0, 0, 0x57, 0x41, 0x56]) { .truncatedHeader(path: $0) }
    }

    @Test func refusesBigEndianAndRF64Files() throws {
        var rifx = good
        rifx.riffID = "RIFX"
        let rifxFile = try TemporaryFile(bytes: rifx.bytes())
        let rifxError = #expect(throws: AudioIOError.self) { try WAVFileSource(path: rifxFile.path) }
        #expect(rifxError?.description.contains("big-endian") == true)
        var rf64 = good
        rf64.riffID = "RF64"
        let rf64File = try TemporaryFile(bytes: rf64.bytes())
        let rf64Error = #expect(throws: AudioIOError.self) { try WAVFileSource(path: rf64File.path) }
        #expect(rf64Error?.description.contains("RF64") == true)
    }

    @Test func refusesAFormatChunkThatIsCutOff() throws {
        // The file ends 10 bytes into a 16-byte fmt chunk
        let cut = Array(good.bytes().prefix(12 + 8 + 10))
        try expectError(cut) { .truncatedFormatChunk(path: $0, needed: 16, present: 10) }
        // The fmt chunk says it is only 14 bytes long
        var short = good
        short.chunks[0].payload.removeLast(2)
        try expectError(short.bytes()) { .truncatedFormatChunk(path: $0, needed: 16, present: 14) }
        // An extensible fmt chunk with only the 18-byte basic part
        var ext = WAVFixture.Builder(samples: [0, 0], channels: 1, sampleRate: 16000, extensible: true)
        ext.chunks[0].payload.removeLast(22)
        try expectError(ext.bytes()) { .truncatedFormatChunk(path: $0, needed: 40, present: 18) }
        // The file ends inside the fmt chunk's own 8-byte header
        try expectError(Array(good.bytes().prefix(12 + 6))) { .truncatedFormatChunk(path: $0, needed: 8, present: 6) }
    }

    @Test func refusesAFileWithoutAFormatChunk() throws {
        var noFormat = good
        noFormat.chunks.removeFirst()
        try expectError(noFormat.bytes()) { .missingFormatChunk(path: $0) }
        try expectError(Array(good.bytes().prefix(12))) { .missingFormatChunk(path: $0) }
    }

    @Test func refusesAFileWithoutADataChunk() throws {
        var noData = good
        noData.chunks[1] = WAVFixture.Chunk(id: "LIST", payload: Array("INFO".utf8))
        try expectError(noData.bytes()) { .missingDataChunk(path: $0) }
        try expectError(Array(good.bytes().prefix(12 + 8 + 16))) { .missingDataChunk(path: $0) }
    }

    @Test func refusesZeroChannelsAndTooMany() throws {
        try expectError(withFormat(channels: 0, blockAlign: 4)) { .zeroChannels(path: $0) }
        try expectError(withFormat(channels: 65)) { .tooManyChannels(path: $0, channelCount: 65) }
    }

    @Test func refusesZeroAndOutOfRangeSampleRates() throws {
        try expectError(withFormat(rate: 0)) { .zeroSampleRate(path: $0) }
        for rate in [4000, 7999, 48001, 96000, 192_000] {
            try expectError(withFormat(rate: rate)) { .unsupportedSampleRate(path: $0, sampleRate: rate) }
        }
        let file = try TemporaryFile(bytes: withFormat(rate: 96000))
        let error = #expect(throws: AudioIOError.self) { try WAVFileSource(path: file.path) }
        #expect(error?.description.contains("sox in.wav -r 16000 out.wav") == true)
    }

    @Test(arguments: [
        (UInt16(0x0007), "µ-law"), (0x0006, "A-law"), (0x0002, "Microsoft ADPCM"),
        (0x0011, "IMA ADPCM"), (0x0050, "MPEG audio"), (0x0055, "MP3"), (0x1234, "format 0x1234"),
        (0x0000, "unknown"),
    ])
    func namesUnsupportedEncodings(tag: UInt16, name: String) throws {
        let plain = try TemporaryFile(bytes: withFormat(tag: tag, bits: 8, blockAlign: 2))
        let error = #expect(throws: AudioIOError.self) { try WAVFileSource(path: plain.path) }
        guard case .unsupportedEncoding(let path, let encoding) = error else {
            Issue.record("expected unsupportedEncoding, got \(String(describing: error))")
            return
        }
        #expect(path == plain.path)
        #expect(encoding.contains(name))
        // The same code as an extensible subformat is refused the same way
        let ext = try TemporaryFile(bytes: withFormat(bits: 8, blockAlign: 2, subformat: tag))
        let extError = #expect(throws: AudioIOError.self) { try WAVFileSource(path: ext.path) }
        #expect(extError?.description.contains(name) == true)
        #expect(extError?.description.contains("EXTENSIBLE") == true)
    }

    @Test func refusesAnExtensibleFormatWithAForeignGUID() throws {
        var builder = WAVFixture.Builder(samples: [0, 0], channels: 1, sampleRate: 16000, extensible: true)
        builder.chunks[0].payload[39] = 0x00
        try expectError(builder.bytes()) {
            .unsupportedEncoding(path: $0, encoding: "WAVE_FORMAT_EXTENSIBLE with a non-audio subformat GUID")
        }
    }

    @Test func refusesUnsupportedBitDepths() throws {
        try expectError(withFormat(bits: 12, blockAlign: 3)) {
            .unsupportedBitDepth(path: $0, encoding: "PCM", bitsPerSample: 12)
        }
        try expectError(withFormat(tag: 3, bits: 16)) {
            .unsupportedBitDepth(path: $0, encoding: "IEEE float", bitsPerSample: 16)
        }
        try expectError(withFormat(bits: 0, blockAlign: 0)) {
            .unsupportedBitDepth(path: $0, encoding: "PCM", bitsPerSample: 0)
        }
    }

    @Test func refusesABlockAlignThatDisagreesWithTheFormat() throws {
        try expectError(withFormat(blockAlign: 3)) {
            .blockAlignMismatch(path: $0, blockAlign: 3, channelCount: 2, bitsPerSample: 16)
        }
        try expectError(withFormat(blockAlign: 0)) {
            .blockAlignMismatch(path: $0, blockAlign: 0, channelCount: 2, bitsPerSample: 16)
        }
    }

    @Test func refusesPathsThatAreNotReadableFiles() throws {
        let missing = "/nonexistent-\(UUID().uuidString).wav"
        let error = #expect(throws: AudioIOError.self) { try WAVFileSource(path: missing) }
        guard case .cannotOpen(let path, let reason) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(path == missing)
        #expect(reason.contains("No such file"))
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: AudioIOError.cannotOpen(path: directory, reason: "it is a directory, not a file")) {
            try WAVFileSource(path: directory)
        }
    }
}
