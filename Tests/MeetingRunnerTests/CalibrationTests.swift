import Foundation
import MeetingRunner
import Testing

@Suite struct CalibrationTests {
    /// Feeds `seconds` of a two-channel signal whose channel c is `f(c, t)`.
    func feed(_ calibration: inout Calibration, seconds: Double, _ f: (Int, Double) -> Float) {
        let rate = calibration.sampleRate
        let frames = Int(seconds * Double(rate))
        var samples = [Float](repeating: 0, count: frames * calibration.channelCount)
        for i in 0..<frames {
            for c in 0..<calibration.channelCount {
                samples[i * calibration.channelCount + c] = f(c, Double(i) / Double(rate))
            }
        }
        samples.withUnsafeBufferPointer { calibration.process($0, frameCount: frames) }
    }

    @Test func levelsAndGainsFollowTheSignal() {
        // Given quiet at -60 dBFS (a 0.001 RMS hiss), then a tone on each channel in turn:
        // channel 0 at 0.1 amplitude (-23 dBFS RMS), channel 1 at 0.01 (-43 dBFS)
        var calibration = Calibration(channelCount: 2, sampleRate: 16000)
        var seed: UInt64 = 7
        func hiss() -> Float {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (Float(seed >> 40) / Float(1 << 24) - 0.5) * 0.001 * 3.4641  // uniform, RMS 0.001
        }
        calibration.begin(.quiet)
        feed(&calibration, seconds: 2) { _, _ in hiss() }
        for (channel, amplitude) in [(0, Float(0.1)), (1, Float(0.01))] {
            calibration.begin(.speech(channel: channel))
            feed(&calibration, seconds: 2) { c, t in
                hiss() + (c == channel ? amplitude * Float(sin(2 * Double.pi * 220 * t)) : 0)
            }
        }
        // Then
        let results = calibration.results
        #expect(results.count == 2)
        for result in results { #expect(abs(result.noiseFloor - -60) < 1) }
        #expect(abs(results[0].speechLevel - -23) < 0.5)
        #expect(abs(results[1].speechLevel - -43) < 0.5)
        #expect(results[0].suggestedGain == 3)
        #expect(results[1].suggestedGain == 23)
        #expect(results[0].advice == nil)
        #expect(results[1].advice?.contains("raise the gain by 23 dB") == true)
        #expect(calibration.suggestedProfile.name == "lapel")  // one microphone per person
    }

    @Test func aDeadMicrophoneIsCalledOut() {
        var calibration = Calibration(channelCount: 1, sampleRate: 8000)
        calibration.begin(.quiet)
        feed(&calibration, seconds: 1) { _, _ in 0 }
        calibration.begin(.speech(channel: 0))
        feed(&calibration, seconds: 1) { _, _ in 0 }
        let result = calibration.results[0]
        #expect(result.speechLevel == -120)
        #expect(result.advice?.contains("plugged in") == true)
        #expect(calibration.suggestedProfile.name == "default")
    }
}

extension CalibrationTests {
    @Test func aLoudRoomOnOneMicrophoneGetsTheNoisyRoomProfile() {
        var calibration = Calibration(channelCount: 1, sampleRate: 8000)
        calibration.begin(.quiet)
        feed(&calibration, seconds: 1) { _, t in 0.02 * Float(sin(2 * Double.pi * 100 * t)) }  // -37 dBFS hum
        calibration.begin(.speech(channel: 0))
        feed(&calibration, seconds: 1) { _, t in 0.2 * Float(sin(2 * Double.pi * 300 * t)) }
        #expect(calibration.suggestedProfile.name == "noisy-room")
        #expect(abs(calibration.results[0].noiseFloor - -37) < 0.5)
    }
}
