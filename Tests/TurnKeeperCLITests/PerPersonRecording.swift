import AudioIO
import Foundation
import TestSupport

/// The bundled demo meeting turned into a one-microphone-per-person recording: channel i
/// carries the demo's audio only while participant i speaks (from the demo's true RTTM), over
/// faint noise, so each person's arrival is their first speech on their own microphone.
enum PerPersonRecording {
    static let names = ["Ana", "Ben", "Caro", "Dev"]

    /// Writes the recording to `url`. Dev first speaks at 39.5 s; with `devEarly` he also says
    /// his first words (those from 39.5 s) at 0.5–3.5 s, over Ana's opening, so he arrives at
    /// the start. (They are his own words, not a copy of Ana's: the same sound at the same
    /// level on two microphones is bleed either way round, and the arbiter rejects it.)
    static func write(to url: URL, devEarly: Bool) throws {
        let source = try WAVFileSource(path: DemoMeeting.wav.path)
        var mono: [Float] = []
        var buffer = [Float](repeating: 0, count: 4096 * source.format.channelCount)
        while true {
            let frames = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            if frames == 0 { break }
            for frame in 0..<frames { mono.append(buffer[frame * source.format.channelCount]) }
        }
        let rate = Double(source.format.sampleRate)
        let spans = try truth().map { (channel: $0.channel, start: Int($0.start * rate), end: Int($0.end * rate)) }
        var out = [Float](repeating: 0, count: mono.count * 4)
        var noise: UInt32 = 12345
        for index in out.indices {
            noise = noise &* 1_664_525 &+ 1_013_904_223
            out[index] = (Float(noise >> 8) / Float(1 << 24) - 0.5) * 0.002
        }
        for span in spans {
            for frame in max(span.start, 0)..<min(span.end, mono.count) {
                out[frame * 4 + span.channel] += mono[frame]
            }
        }
        if devEarly {
            let from = Int(39.5 * rate), to = Int(0.5 * rate), count = Int(2.96 * rate)
            for i in 0..<count where from + i < mono.count && to + i < mono.count {
                out[(to + i) * 4 + 3] += mono[from + i]
            }
        }
        try WAVFixture.write(samples: out, channels: 4, sampleRate: source.format.sampleRate, to: url)
    }

    /// The demo's true speech: participant channel, start and end in seconds.
    static func truth() throws -> [(channel: Int, start: Double, end: Double)] {
        let rttm = try String(
            contentsOf: DemoMeeting.resources.appendingPathComponent("demo-meeting.rttm"), encoding: .utf8)
        return rttm.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count >= 8, let start = Double(fields[3]), let length = Double(fields[4]),
                let channel = names.firstIndex(of: String(fields[7]))
            else { return nil }
            return (channel, start, start + length)
        }
    }
}
