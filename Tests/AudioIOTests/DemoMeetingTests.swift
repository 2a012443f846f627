import Foundation
import Testing

@testable import AudioIO

/// The bundled demo meeting (written by scripts/make-demo-meeting) reads as promised, and its
/// truth labels mark where the sound is.
struct DemoMeetingTests {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/turnkeeper/Resources")

    /// (participant, start, end) in seconds from the RTTM file.
    static func truth() throws -> [(name: String, start: Double, end: Double)] {
        let text = try String(contentsOf: resources.appendingPathComponent("demo-meeting.rttm"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ")
            guard f.count == 10, f[0] == "SPEAKER", let s = Double(f[3]), let d = Double(f[4]) else { return nil }
            return (String(f[7]), s, s + d)
        }
    }

    @Test func isSixteenKilohertzMonoPCM16OfFiftyFiveSeconds() throws {
        let source = try WAVFileSource(path: Self.resources.appendingPathComponent("demo-meeting.wav").path)
        #expect(source.format == AudioFormat(sampleRate: 16000, channelCount: 1))
        #expect(source.header.encoding == .pcm && source.header.bitsPerSample == 16)
        #expect(abs(source.header.durationSeconds - 55) < 0.01)
        #expect(source.warnings.isEmpty)
    }

    @Test func labelledSpeechIsWellAboveTheRoomNoise() throws {
        // Given the samples and the truth labels
        let source = try WAVFileSource(path: Self.resources.appendingPathComponent("demo-meeting.wav").path)
        let samples = try readAll(source, blockFrames: 1600)
        var speech = [Bool](repeating: false, count: samples.count)
        for label in try Self.truth() {
            let lo = max(0, Int(label.start * 16000))
            let hi = min(samples.count, Int(label.end * 16000))
            for i in lo..<hi { speech[i] = true }
        }
        // When power is measured inside and outside them
        var inside = (sum: 0.0, count: 0)
        var outside = (sum: 0.0, count: 0)
        for (x, isSpeech) in zip(samples, speech) {
            if isSpeech {
                inside.sum += Double(x * x)
                inside.count += 1
            } else {
                outside.sum += Double(x * x)
                outside.count += 1
            }
        }
        let ratio = 10 * log10((inside.sum / Double(inside.count)) / (outside.sum / Double(outside.count)))
        // Then speech stands clear of the noise (the script aims at 20 dB SNR), but not absurdly
        #expect(ratio > 15 && ratio < 25)
        #expect(Set(try Self.truth().map(\.name)) == ["Ana", "Ben", "Caro", "Dev"])
    }

    @Test func planStatesTheSpeakingSecondsTheLabelsAddUpTo() throws {
        let data = try Data(contentsOf: Self.resources.appendingPathComponent("demo-meeting.json"))
        let plan = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(plan?["participants"] as? [String] == ["Ana", "Ben", "Caro", "Dev"])
        #expect(plan?["mode"] as? String == "rounds")
        let stated = plan?["speakingSeconds"] as? [String: Double] ?? [:]
        var summed: [String: Double] = [:]
        for label in try Self.truth() { summed[label.name, default: 0] += label.end - label.start }
        #expect(stated.count == 4)
        for (name, seconds) in stated {
            #expect(abs((summed[name] ?? 0) - seconds) < 0.01, "\(name)")
        }
    }
}
