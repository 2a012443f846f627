import Testing

@testable import AudioIO

struct AudioIOErrorTests {
    static let path = "/tmp/meeting 3.wav"
    static let all: [AudioIOError] = [
        .cannotOpen(path: path, reason: "Permission denied"), .notWAV(path: path), .empty(path: path),
        .truncatedHeader(path: path), .zeroChannels(path: path),
        .unsupportedEncoding(path: path, encoding: "µ-law (format 0x0007)"),
        .unsupportedFormat(path: path, detail: "big-endian"), .readFailed(path: path, reason: "I/O error"),
        .truncatedFormatChunk(path: path, needed: 16, present: 10), .missingFormatChunk(path: path),
        .missingDataChunk(path: path), .zeroSampleRate(path: path),
        .unsupportedSampleRate(path: path, sampleRate: 96000), .tooManyChannels(path: path, channelCount: 65),
        .unsupportedBitDepth(path: path, encoding: "PCM", bitsPerSample: 12),
        .blockAlignMismatch(path: path, blockAlign: 3, channelCount: 2, bitsPerSample: 16),
    ]

    @Test func everyMessageIsOneLineStartingWithTheFile() {
        for error in Self.all {
            #expect(error.description.hasPrefix(Self.path + ": "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func everyCaseHasItsOwnMessage() {
        let messages = Set(Self.all.map(\.description))
        #expect(messages.count == Self.all.count)
    }

    @Test func messagesCarryTheirNumbers() {
        #expect(AudioIOError.unsupportedSampleRate(path: Self.path, sampleRate: 96000).description.contains("96000 Hz"))
        #expect(
            AudioIOError.truncatedFormatChunk(path: Self.path, needed: 16, present: 10).description
                .contains("10 of the 16 bytes"))
        #expect(
            AudioIOError.blockAlignMismatch(path: Self.path, blockAlign: 3, channelCount: 2, bitsPerSample: 16)
                .description.contains("block align 3 bytes"))
    }
}
