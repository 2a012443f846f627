import AudioIO
import Foundation
import TestSupport
import Testing

/// Capture through real libasound, with ALSA's `file` plugin standing in for a sound card.
final class ALSACaptureSourceTests {
    let folder: URL

    deinit { try? FileManager.default.removeItem(at: folder) }

    init() throws { folder = try makeTemporaryDirectory("alsa-capture") }

    /// A raw file of `samples` in `encoding`, in the test's folder.
    func rawFile(_ samples: [Float], _ encoding: WAVFixture.Encoding = .pcm16, name: String = "in") throws -> String {
        let url = folder.appendingPathComponent("\(name).raw")
        try ALSAFixtures.writeRaw(samples, encoding: encoding, to: url)
        return url.path
    }

    @Test func monoS16IsSampleExact() throws {
        // Given a second of a 440 Hz sine as 16-bit raw PCM behind a capture PCM
        let signal = WAVFixture.sine(frames: 16000, channels: 1, sampleRate: 16000)
        let config = try ALSAConfiguration.fileCapture(name: "tkcap", rawFile: try rawFile(signal))
        // When it is captured period by period
        let source = try ALSACaptureSource(devices: ["tkcap"], configuration: config)
        let (captured, reads) = try ALSAFixtures.capture(source, frames: 16000)
        // Then every sample is the file's, and no read was longer than a period
        #expect(source.deviceFormats == [.s16])
        #expect(ALSAFixtures.mismatch(captured, ALSAFixtures.quantized16(signal)) == nil)
        #expect(reads.allSatisfy { $0 == source.periodFrames })
        #expect(source.format == AudioFormat(sampleRate: 16000, channelCount: 1))
        #expect(source.name == "tkcap")
        #expect(source.warnings.isEmpty)
    }

    @Test func floatSamplesPassThroughExactly() throws {
        let signal = WAVFixture.sine(frames: 8000, channels: 1, sampleRate: 16000, frequency: 300)
        let config = try ALSAConfiguration.fileCapture(name: "tkfloat", rawFile: try rawFile(signal, .float32))
        let source = try ALSACaptureSource(devices: ["tkfloat"], configuration: config, formats: [.float])
        let (captured, _) = try ALSAFixtures.capture(source, frames: 8000)
        #expect(source.deviceFormats == [.float])
        #expect(ALSAFixtures.mismatch(captured, signal) == nil)
    }

    @Test func s32SamplesKeepTheirPrecision() throws {
        let signal = WAVFixture.sine(frames: 4000, channels: 1, sampleRate: 16000, frequency: 500)
        let config = try ALSAConfiguration.fileCapture(name: "tk32", rawFile: try rawFile(signal, .pcm32))
        let source = try ALSACaptureSource(devices: ["tk32"], configuration: config, formats: [.s32])
        let (captured, _) = try ALSAFixtures.capture(source, frames: 4000)
        #expect(source.deviceFormats == [.s32])
        #expect(ALSAFixtures.mismatch(captured, signal, tolerance: WAVFixture.Encoding.pcm32.tolerance) == nil)
    }

    @Test func aFloatOnlyDeviceIsNegotiated() throws {
        // Given a device that offers only float
        let signal = WAVFixture.sine(frames: 3200, channels: 1, sampleRate: 16000)
        let text = ALSAFixtures.floatOnlyCaptureDefinition(name: "tkfl", rawFile: try rawFile(signal, .float32))
        let source = try ALSACaptureSource(devices: ["tkfl"], configuration: try ALSAConfiguration(text: text))
        // Then S16 and S32 were refused, float taken, and the samples arrive unchanged
        #expect(source.deviceFormats == [.float])
        let (captured, _) = try ALSAFixtures.capture(source, frames: 3200)
        #expect(ALSAFixtures.mismatch(captured, signal) == nil)
    }

    @Test func aDeviceWithNoneOfTheFormatsIsRefusedByName() throws {
        let text = ALSAFixtures.floatOnlyCaptureDefinition(name: "tkfl", rawFile: try rawFile([0, 0]))
        #expect(throws: AudioIOError.deviceRejectedFormat(device: "tkfl", direction: .capture)) {
            try ALSACaptureSource(
                devices: ["tkfl"], configuration: try ALSAConfiguration(text: text), formats: [.s16, .s32])
        }
    }

    @Test func twoChannelsStayInterleaved() throws {
        let signal = WAVFixture.sine(frames: 4800, channels: 2, sampleRate: 16000)
        let config = try ALSAConfiguration.fileCapture(name: "tkst", rawFile: try rawFile(signal))
        let source = try ALSACaptureSource(devices: ["tkst"], channelsPerDevice: 2, configuration: config)
        let (captured, _) = try ALSAFixtures.capture(source, frames: 4800)
        #expect(source.format.channelCount == 2)
        #expect(ALSAFixtures.mismatch(captured, ALSAFixtures.quantized16(signal)) == nil)
    }

    @Test func severalDevicesAreConcatenatedInOrder() throws {
        // Given two "USB microphones", one stereo pair each, with different signals
        let a = WAVFixture.sine(frames: 3200, channels: 2, sampleRate: 16000, frequency: 200)
        let b = WAVFixture.sine(frames: 3200, channels: 2, sampleRate: 16000, frequency: 700)
        let text =
            ALSAConfiguration.fileCaptureDefinition(name: "mic1", rawFile: try rawFile(a, name: "a"))
            + ALSAConfiguration.fileCaptureDefinition(name: "mic2", rawFile: try rawFile(b, name: "b"))
        // When both are captured as one source
        let source = try ALSACaptureSource(
            devices: ["mic1", "mic2"], channelsPerDevice: 2, configuration: try ALSAConfiguration(text: text))
        let (captured, _) = try ALSAFixtures.capture(source, frames: 3200)
        // Then each frame holds mic1's channels, then mic2's
        #expect(source.format.channelCount == 4)
        #expect(source.name == "mic1+mic2")
        let qa = ALSAFixtures.quantized16(a)
        let qb = ALSAFixtures.quantized16(b)
        var expected: [Float] = []
        for f in 0..<3200 { expected += [qa[2 * f], qa[2 * f + 1], qb[2 * f], qb[2 * f + 1]] }
        #expect(ALSAFixtures.mismatch(captured, expected) == nil)
    }

    @Test func readsNeverExceedTheRequestedPeriod() throws {
        let signal = WAVFixture.sine(frames: 2000, channels: 1, sampleRate: 16000)
        let config = try ALSAConfiguration.fileCapture(name: "tkp", rawFile: try rawFile(signal))
        let source = try ALSACaptureSource(devices: ["tkp"], periodFrames: 160, configuration: config)
        #expect(source.periodFrames == 160)
        let (captured, reads) = try ALSAFixtures.capture(source, frames: 2000, blockFrames: 10_000)
        #expect(reads.allSatisfy { $0 == 160 })
        #expect(ALSAFixtures.mismatch(captured, ALSAFixtures.quantized16(signal)) == nil)
        // A buffer smaller than a period gets what fits.
        var small = [Float](repeating: 0, count: 100)
        #expect(try small.withUnsafeMutableBufferPointer { try source.read(into: $0) } == 100)
        // After close, the audio has ended, with no fault.
        source.close()
        #expect(try small.withUnsafeMutableBufferPointer { try source.read(into: $0) } == 0)
        #expect(source.drainFaults().isEmpty)
    }

    @Test func aHardwareDeviceThatRefusesFallsBackToPlughw() throws {
        // Given a card whose hw: PCM takes only one channel, carrying a rising ramp
        let ramp = (0..<8000).map { Float($0) / 32768 }
        let config = try ALSAConfiguration(text: ALSAFixtures.pickyHardwareDefinitions(rawFile: try rawFile(ramp)))
        // When two channels are asked of hw:1,0
        let source = try ALSACaptureSource(devices: ["hw:1,0"], channelsPerDevice: 2, configuration: config)
        // Then plughw:1,0 converts, a warning says so, and both channels carry the card's
        // audio in order (the stand-in skips ahead under plughw, so order, not position)
        #expect(source.deviceNames == ["plughw:1,0"])
        #expect(source.warnings.count == 1)
        #expect(
            source.warnings.first?.contains("hw:1,0 does not take 2 channel(s); capturing through plughw:1,0") == true)
        let (captured, _) = try ALSAFixtures.capture(source, frames: 1600)
        let left = stride(from: 0, to: captured.count, by: 2).map { captured[$0] }
        let right = stride(from: 1, to: captured.count, by: 2).map { captured[$0] }
        #expect(ALSAFixtures.mismatch(left, right) == nil)
        #expect(Array(left.prefix(320)) == Array(ramp.prefix(320)))
        #expect(zip(left, left.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func aHardwareDeviceThatTakesTheRequestIsUsedDirectly() throws {
        let signal = WAVFixture.sine(frames: 800, channels: 1, sampleRate: 16000)
        let config = try ALSAConfiguration(text: ALSAFixtures.pickyHardwareDefinitions(rawFile: try rawFile(signal)))
        let source = try ALSACaptureSource(devices: ["hw:1,0"], configuration: config)
        #expect(source.deviceNames == ["hw:1,0"])
        #expect(source.warnings.isEmpty)
    }

    @Test func anUnknownDeviceNameGivesAClearError() throws {
        let config = try ALSAConfiguration(text: "")
        #expect(throws: AudioIOError.deviceNotFound(device: "tk-no-such-mic", direction: .capture)) {
            try ALSACaptureSource(devices: ["tk-no-such-mic"], configuration: config)
        }
        let message = AudioIOError.deviceNotFound(device: "tk-no-such-mic", direction: .capture).description
        #expect(message.contains("tk-no-such-mic") && message.contains("turnkeeper devices"))
    }

    @Test func aMissingCardGivesAClearErrorThroughTheGlobalConfiguration() throws {
        // No configuration: the machine's own; hw:57 is a card no machine here has.
        #expect(throws: AudioIOError.deviceNotFound(device: "hw:57,0", direction: .capture)) {
            try ALSACaptureSource(devices: ["hw:57,0"])
        }
    }
}
