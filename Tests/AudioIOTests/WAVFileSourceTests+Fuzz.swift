import Foundation
import TestSupport
import Testing

@testable import AudioIO

extension WAVFileSourceTests {
    /// Valid files to mutate: plain, extensible, with extra chunks, several encodings.
    static func fuzzSeeds() -> [[UInt8]] {
        var withList = WAVFixture.Builder(
            samples: WAVFixture.sine(frames: 40, channels: 2, sampleRate: 16000), channels: 2, sampleRate: 16000)
        withList.chunks.insert(WAVFixture.Chunk(id: "LIST", payload: Array("INFOx".utf8)), at: 0)
        return [
            withList.bytes(),
            WAVFixture.bytes(
                samples: WAVFixture.sine(frames: 30, channels: 1, sampleRate: 8000),
                channels: 1, sampleRate: 8000, encoding: .pcm24, extensible: true),
            WAVFixture.bytes(
                samples: WAVFixture.sine(frames: 20, channels: 4, sampleRate: 48000),
                channels: 4, sampleRate: 48000, encoding: .float32),
            WAVFixture.bytes(
                samples: WAVFixture.sine(frames: 25, channels: 1, sampleRate: 22050),
                channels: 1, sampleRate: 22050, encoding: .pcm8),
        ]
    }

    /// One to four random edits of `bytes`, mostly in the header where the parser looks.
    static func mutate(_ bytes: [UInt8], using rng: inout SyntheticSignals.SeededGenerator) -> [UInt8] {
        var b = bytes
        let interesting: [UInt32] = [
            0, 1, 2, 7, 16, 18, 40, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF,
            UInt32(bytes.count), 0xFFFE, 3,
        ]
        let ids = ["fmt ", "data", "LIST", "RIFF", "WAVE", "RF64", "JUNK"]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let reach = max(1, min(b.count, 72))
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !b.isEmpty:
                b[Int.random(in: 0..<reach, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 1 where b.count >= 4:
                let at = Int.random(in: 0...(min(b.count, 72) - 4), using: &rng)
                let v = interesting.randomElement(using: &rng) ?? 0
                for k in 0..<4 { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) }
            case 2:
                b.removeLast(Int.random(in: 0...b.count, using: &rng))
            case 3:
                let at = Int.random(in: 0...min(b.count, 72), using: &rng)
                b.insert(
                    contentsOf: (0..<Int.random(in: 1...9, using: &rng)).map { _ in
                        UInt8.random(in: 0...255, using: &rng)
                    }, at: at)
            case 4 where b.count >= 4:
                let at = Int.random(in: 0...(min(b.count, 72) - 4), using: &rng)
                let id = Array((ids.randomElement(using: &rng) ?? "data").utf8)
                b.replaceSubrange(at..<at + 4, with: id)
            default:
                b += (0..<Int.random(in: 1...20, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
        }
        return b
    }

    @Test func randomlyMutatedHeadersNeverCrashOrHang() throws {
        // Given 10,000 seeded mutations of valid files (TURNKEEPER_FUZZ_COUNT asks for more)
        var rng = SyntheticSignals.SeededGenerator(seed: 20_261_127)  // seeded: the same run every time
        let seeds = Self.fuzzSeeds()
        let file = try TemporaryFile(bytes: [], prefix: "fuzz")
        var refused = 0
        var read = 0
        let count = ProcessInfo.processInfo.environment["TURNKEEPER_FUZZ_COUNT"].flatMap(Int.init) ?? 10_000
        for i in 0..<count {
            try file.overwrite(with: Self.mutate(seeds[i % seeds.count], using: &rng))
            // When each is opened, then it is refused with an AudioIOError…
            let source: WAVFileSource
            do {
                source = try WAVFileSource(path: file.path)
            } catch is AudioIOError {
                refused += 1
                continue
            }
            // …or read to the end: exactly the frames the header promises, all in -1...1
            let samples = try readAll(source, blockFrames: 13)
            #expect(samples.count == source.header.frameCount * source.format.channelCount)
            #expect(samples.allSatisfy { $0 >= -1 && $0 <= 1 })
            read += 1
        }
        // Both outcomes happen, so the mutations reach the reader as well as the parser
        #expect(refused > count / 10)
        #expect(read > count / 10)
    }
}
