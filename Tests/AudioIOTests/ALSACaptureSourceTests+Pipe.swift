import AudioIO
import Foundation
import TestSupport
import Testing

/// A named pipe as the capture file: reads block until the writer's audio arrives, so the
/// source runs at the writer's (real-time) pace.
extension ALSACaptureSourceTests {
    @Test func aNamedPipeIsCapturedAtTheWritersPace() throws {
        // Given a writer that sends one 20 ms period every 20 ms for 0.5 s
        let rate = 16000
        let period = 320
        let blocks = 25
        let signal = WAVFixture.sine(frames: period * blocks, channels: 1, sampleRate: rate, frequency: 250)
        let pipe = folder.appendingPathComponent("mic.fifo").path
        let writer = try ALSAFixtures.PacedPipeWriter(
            path: pipe, bytes: WAVFixture.encode(signal, as: .pcm16), blockBytes: period * 2, interval: 0.02)
        writer.start()
        defer { writer.wait() }
        let config = try ALSAConfiguration.fileCapture(name: "tklive", rawFile: pipe)
        let source = try ALSACaptureSource(devices: ["tklive"], periodFrames: period, configuration: config)
        // When every period is read, noting when each read returned
        var captured: [Float] = []
        var returned: [Double] = []
        var block = [Float](repeating: 0, count: period)
        for _ in 0..<blocks {
            let frames = try block.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            returned.append(ALSAFixtures.PacedPipeWriter.now())
            captured += block[0..<frames]
        }
        // Then the audio is the writer's, and no read returned before its block was written:
        // the reads blocked, and the run took as long as the writer did
        #expect(ALSAFixtures.mismatch(captured, ALSAFixtures.quantized16(signal)) == nil)
        let written = writer.writeTimes
        #expect(written.count == blocks)
        for (i, time) in returned.enumerated() where i < written.count {
            #expect(time >= written[i])
        }
        #expect((returned.last ?? 0) - (returned.first ?? 0) >= 0.9 * 0.02 * Double(blocks - 1))
    }
}
