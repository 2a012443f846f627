import Foundation
import TestSupport
import Testing

@testable import AudioIO

struct WAVFileSourceTests {
    @Test(arguments: WAVFixture.Encoding.allCases, [1, 2, 4, 8])
    func roundTripsEveryEncodingAndChannelCount(encoding: WAVFixture.Encoding, channels: Int) throws {
        // Given a sine per channel written in `encoding`, plain and extensible
        let rate = [8000, 16000, 44100, 48000][channels % 4]
        let samples = WAVFixture.sine(frames: 777, channels: channels, sampleRate: rate)
        for extensible in [false, true] {
            let file = try TemporaryFile(
                bytes: WAVFixture.bytes(
                    samples: samples, channels: channels, sampleRate: rate, encoding: encoding,
                    extensible: extensible))
            // When it is read back
            let source = try WAVFileSource(path: file.path)
            let read = try readAll(source)
            // Then the header and every sample match within one quantisation step
            #expect(source.format == AudioFormat(sampleRate: rate, channelCount: channels))
            #expect(source.header.bitsPerSample == encoding.bitsPerSample)
            #expect(source.header.encoding == (encoding.formatTag == 3 ? .float : .pcm))
            #expect(source.header.isExtensible == extensible)
            #expect(source.header.frameCount == 777)
            #expect(abs(source.header.durationSeconds - 777 / Double(rate)) < 1e-12)
            #expect(source.warnings.isEmpty)
            #expect(maxError(read, samples) <= encoding.tolerance)
        }
    }

    @Test(arguments: [8000, 11025, 16000, 22050, 32000, 44100, 48000])
    func readsEverySupportedRate(rate: Int) throws {
        let samples = WAVFixture.sine(frames: rate / 10, channels: 1, sampleRate: rate)
        let file = try TemporaryFile(bytes: WAVFixture.bytes(samples: samples, channels: 1, sampleRate: rate))
        let source = try WAVFileSource(path: file.path)
        #expect(source.format.sampleRate == rate)
        #expect(maxError(try readAll(source), samples) <= WAVFixture.Encoding.pcm16.tolerance)
    }

    @Test func oddBlockSizesGiveTheSameSamplesAsOneBigRead() throws {
        // Given a file larger than the reader's staging buffer (8 × 8 bytes × 5000 frames)
        let samples = WAVFixture.sine(frames: 5000, channels: 8, sampleRate: 48000)
        let file = try TemporaryFile(
            bytes: WAVFixture.bytes(
                samples: samples, channels: 8, sampleRate: 48000, encoding: .float64))
        let whole = try readAll(try WAVFileSource(path: file.path), blockFrames: 10_000)
        #expect(whole == samples)
        for block in [1, 7, 333, 1023, 1025, 4097] {
            #expect(try readAll(try WAVFileSource(path: file.path), blockFrames: block) == whole)
        }
    }

    @Test func signExtends24BitSamplesExactly() throws {
        let data: [UInt8] = [0x00, 0x00, 0x80, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00]
        let builder = WAVFixture.Builder(chunks: [
            .format(tag: 1, channels: 1, sampleRate: 16000, bitsPerSample: 24), .data(data),
        ])
        let file = try TemporaryFile(bytes: builder.bytes())
        let read = try readAll(try WAVFileSource(path: file.path))
        let step: Float = 1 / 8_388_608
        let expected: [Float] = [-1, 8_388_607 * step, -step, step]
        #expect(read == expected)
    }

    @Test func decodesIntegerExtremesExactly() throws {
        let cases: [(bits: Int, data: [UInt8], expected: [Float])] = [
            (8, [0x00, 0x80, 0xFF], [-1, 0, Float(127) / 128]),
            (16, [0x00, 0x80, 0xFF, 0x7F, 0xFF, 0xFF], [-1, Float(32767) / 32768, Float(-1) / 32768]),
            (32, [0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x40], [-1, 0.5]),
        ]
        for c in cases {
            let builder = WAVFixture.Builder(chunks: [
                .format(tag: 1, channels: 1, sampleRate: 16000, bitsPerSample: c.bits), .data(c.data),
            ])
            let file = try TemporaryFile(bytes: builder.bytes())
            #expect(try readAll(try WAVFileSource(path: file.path)) == c.expected)
        }
    }

    @Test func clampsOutOfRangeFloatsAndReadsNaNAsSilence() throws {
        let samples: [Float] = [0.25, 2, -3, .nan, -0.125, .infinity]
        let builder = WAVFixture.Builder(chunks: [
            .format(tag: 3, channels: 1, sampleRate: 16000, bitsPerSample: 32),
            .data(WAVFixture.encode(samples, as: .float32)),
        ])
        let file = try TemporaryFile(bytes: builder.bytes())
        #expect(try readAll(try WAVFileSource(path: file.path)) == [0.25, 1, -1, 0, -0.125, 1])
    }

    @Test func skipsUnknownChunksInAnyOrderIncludingOddSizedOnes() throws {
        // Given the same audio with LIST, fact, odd-sized JUNK and bext chunks around fmt
        let samples = WAVFixture.sine(frames: 300, channels: 2, sampleRate: 16000)
        var builder = WAVFixture.Builder(samples: samples, channels: 2, sampleRate: 16000)
        builder.chunks.insert(WAVFixture.Chunk(id: "LIST", payload: Array("INFOISFT\u{5}\0\0\0abcd\0".utf8)), at: 0)
        builder.chunks.insert(WAVFixture.Chunk(id: "JUNK", payload: [1, 2, 3]), at: 1)
        builder.chunks.insert(WAVFixture.Chunk(id: "fact", payload: [44, 1, 0, 0]), at: 3)
        builder.chunks.insert(WAVFixture.Chunk(id: "bext", payload: Array(repeating: 7, count: 9)), at: 4)
        let file = try TemporaryFile(bytes: builder.bytes())
        // When read, then the chunks are skipped and the samples are those written
        let source = try WAVFileSource(path: file.path)
        #expect(source.header.frameCount == 300)
        #expect(source.warnings.isEmpty)
        #expect(maxError(try readAll(source), samples) <= WAVFixture.Encoding.pcm16.tolerance)
    }

    @Test func findsAFormatChunkThatComesAfterTheData() throws {
        let samples = WAVFixture.sine(frames: 50, channels: 1, sampleRate: 16000)
        var builder = WAVFixture.Builder(samples: samples, channels: 1, sampleRate: 16000)
        builder.chunks.reverse()
        let file = try TemporaryFile(bytes: builder.bytes())
        let source = try WAVFileSource(path: file.path)
        #expect(source.header.dataOffset == 20)
        #expect(maxError(try readAll(source), samples) <= WAVFixture.Encoding.pcm16.tolerance)
    }

    @Test func truncatedDataGivesAWarningAndTheFramesThatExist() throws {
        // Given a stereo 16-bit file whose last 1.5 frames are cut off
        let samples = WAVFixture.sine(frames: 100, channels: 2, sampleRate: 16000)
        let bytes = WAVFixture.bytes(samples: samples, channels: 2, sampleRate: 16000)
        let file = try TemporaryFile(bytes: Array(bytes.dropLast(6)))
        // When it is read
        let source = try WAVFileSource(path: file.path)
        let read = try readAll(source, blockFrames: 33)
        // Then 98 whole frames come back, and the warning names the file and the shortfall
        #expect(source.header.frameCount == 98)
        #expect(
            source.warnings == [
                "\(file.path): data chunk says 400 bytes but only 394 are present; using what is there"
            ])
        #expect(maxError(read, Array(samples.prefix(196))) <= WAVFixture.Encoding.pcm16.tolerance)
    }

    @Test func streamingDataSizeReadsToTheEndOfTheFile() throws {
        let samples = WAVFixture.sine(frames: 64, channels: 1, sampleRate: 16000)
        var builder = WAVFixture.Builder(samples: samples, channels: 1, sampleRate: 16000)
        builder.riffSize = 0xFFFF_FFFF
        builder.chunks[1].declaredSize = 0xFFFF_FFFF
        let file = try TemporaryFile(bytes: builder.bytes())
        let source = try WAVFileSource(path: file.path)
        #expect(source.header.frameCount == 64)
        #expect(source.warnings.count == 1)
        #expect(source.warnings.first?.contains("data chunk says 4294967295 bytes but only 128 are present") == true)
        #expect(maxError(try readAll(source), samples) <= WAVFixture.Encoding.pcm16.tolerance)
    }

    @Test func dropsATrailingPartialFrame() throws {
        let data = WAVFixture.encode([0.5, -0.5, 0.25, -0.25, 0.125], as: .pcm16)
        let builder = WAVFixture.Builder(chunks: [
            .format(tag: 1, channels: 2, sampleRate: 16000, bitsPerSample: 16), .data(data),
        ])
        let file = try TemporaryFile(bytes: builder.bytes())
        let source = try WAVFileSource(path: file.path)
        #expect(try readAll(source) == [0.5, -0.5, 0.25, -0.25])
        #expect(source.warnings.count == 1)
        #expect(source.warnings.first?.contains("partial frame") == true)
    }

    @Test func reportsItsPathAsNameAndKeepsReturningZeroAtTheEnd() throws {
        let file = try TemporaryFile(bytes: WAVFixture.bytes(samples: [0.1, 0.2, 0.3], channels: 1, sampleRate: 8000))
        let source = try WAVFileSource(path: file.path)
        #expect(source.name == file.path)
        var block = [Float](repeating: 0, count: 8)
        #expect(try block.withUnsafeMutableBufferPointer { try source.read(into: $0) } == 3)
        #expect(try block.withUnsafeMutableBufferPointer { try source.read(into: $0) } == 0)
        #expect(try block.withUnsafeMutableBufferPointer { try source.read(into: $0) } == 0)
    }

    @Test func writesAFileThroughTheSimpleFixtureCall() throws {
        let url = WAVFixture.temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        let samples = WAVFixture.sine(frames: 160, channels: 2, sampleRate: 16000)
        try WAVFixture.write(samples: samples, channels: 2, sampleRate: 16000, encoding: .pcm24, to: url)
        let source = try WAVFileSource(path: url.path)
        #expect(source.header.bitsPerSample == 24)
        #expect(maxError(try readAll(source), samples) <= WAVFixture.Encoding.pcm24.tolerance)
    }
}
