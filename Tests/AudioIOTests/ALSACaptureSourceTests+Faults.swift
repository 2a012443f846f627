import AudioIO
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Overruns, suspends and a device that goes away, injected through `faultInjector` and
/// handled by the same code a real fault takes (`snd_pcm_recover`, close, reopen).
extension ALSACaptureSourceTests {
    @Test(arguments: [(EPIPE, CaptureFault.Kind.overrun), (ESTRPIPE, .suspend)])
    func overrunAndSuspendAreRecoveredAndCounted(errno code: Int32, kind: CaptureFault.Kind) throws {
        // Given a capture whose fourth and seventh reads report the fault
        let signal = WAVFixture.sine(frames: 3200, channels: 1, sampleRate: 16000)
        let config = try ALSAConfiguration.fileCapture(name: "tkf", rawFile: try rawFile(signal))
        let source = try ALSACaptureSource(devices: ["tkf"], periodFrames: 160, configuration: config)
        source.faultInjector = { _, read in read == 3 || read == 6 ? -code : nil }
        // When the whole file is read
        let (captured, reads) = try ALSAFixtures.capture(source, frames: 3200)
        // Then the stream went on unbroken, and both faults were reported at their frames
        #expect(reads.count == 20)
        #expect(ALSAFixtures.mismatch(captured, ALSAFixtures.quantized16(signal)) == nil)
        let faults = source.drainFaults()
        #expect(
            faults == [
                CaptureFault(kind: kind, device: "tkf", atFrame: 3 * 160),
                CaptureFault(kind: kind, device: "tkf", atFrame: 6 * 160),
            ])
        #expect(source.drainFaults().isEmpty)
        #expect(source.faultCount(kind) == 2)
        #expect(CaptureFault.Kind.allCases.filter { $0 != kind }.allSatisfy { source.faultCount($0) == 0 })
        #expect(source.droppedFaultCount == 0)
    }

    @Test func aDeviceThatGoesAwayGivesPacedSilenceThenComesBack() throws {
        // Given one device that reports -ENODEV on its third read
        let rate = 16000
        let signal = [Float](repeating: 0.25, count: rate)
        let config = try ALSAConfiguration.fileCapture(name: "tkusb", rawFile: try rawFile(signal))
        let source = try ALSACaptureSource(devices: ["tkusb"], periodFrames: 320, configuration: config)
        source.faultInjector = { _, read in read == 2 ? -ENODEV : nil }
        // When 3 s of audio are read
        let started = ALSAFixtures.PacedPipeWriter.now()
        let (captured, _) = try ALSAFixtures.capture(source, frames: 3 * rate)
        let elapsed = ALSAFixtures.PacedPipeWriter.now() - started
        // Then it disconnected at frame 640, stayed silent for 2 s of audio, paced in real
        // time, and reconnected with the audio back
        let faults = source.drainFaults()
        #expect(faults.map(\.kind) == [.disconnected, .reconnected])
        #expect(source.faultCount(.disconnected) == 1 && source.faultCount(.reconnected) == 1)
        #expect(faults.first?.atFrame == 640)
        let gone = Int(faults.first?.atFrame ?? 0)
        let back = Int(faults.last?.atFrame ?? 0)
        #expect(back - gone >= 2 * rate)
        #expect(back - gone < 2 * rate + 320)
        #expect(captured[0..<gone].allSatisfy { $0 == 0.25 })
        #expect(captured[gone..<back].allSatisfy { $0 == 0 })
        #expect(captured[back..<(back + 320)].allSatisfy { $0 == 0.25 })
        #expect(elapsed >= 0.9 * Double(back - gone) / Double(rate))
    }

    @Test func oneLostDeviceOfTwoLeavesTheOtherRunning() throws {
        let a = [Float](repeating: 0.5, count: 8000)
        let b = [Float](repeating: -0.5, count: 8000)
        let text =
            ALSAConfiguration.fileCaptureDefinition(name: "mic1", rawFile: try rawFile(a, name: "a"))
            + ALSAConfiguration.fileCaptureDefinition(name: "mic2", rawFile: try rawFile(b, name: "b"))
        let source = try ALSACaptureSource(
            devices: ["mic1", "mic2"], periodFrames: 160, configuration: try ALSAConfiguration(text: text))
        source.faultInjector = { device, read in device == 1 && read == 5 ? -ENODEV : nil }
        let (captured, _) = try ALSAFixtures.capture(source, frames: 8000)
        #expect(source.drainFaults() == [CaptureFault(kind: .disconnected, device: "mic2", atFrame: 800)])
        let first = stride(from: 0, to: captured.count, by: 2).map { captured[$0] }
        let second = stride(from: 1, to: captured.count, by: 2).map { captured[$0] }
        #expect(first.allSatisfy { $0 == 0.5 })
        #expect(second[..<800].allSatisfy { $0 == -0.5 })
        #expect(second[800...].allSatisfy { $0 == 0 })
    }
}
