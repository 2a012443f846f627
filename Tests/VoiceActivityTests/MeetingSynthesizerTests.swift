import Foundation
import Testing
import VoiceActivity

/// `scripts/synthesize-meeting`, run for real on short meetings (needs python3 with numpy,
/// espeak-ng and sox; skipped without them). Checks that the WAV, the RTTM and truth.json agree,
/// that microphones differ as asked, that a seed gives the same files, and pins the detector's
/// speaking times on the synthesized lapel meeting.
private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let script = repository.appendingPathComponent("scripts/synthesize-meeting")

private func succeeds(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

/// Whether python3, espeak-ng and sox are on the PATH (looked up without starting a process:
/// a trait's condition must not run one).
private let toolsPresent: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders = path.split(separator: ":").map(String.init)
    return ["python3", "espeak-ng", "sox"].allSatisfy { tool in
        folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}()

/// Runs the synthesizer into a fresh folder and returns it.
private func synthesize(_ arguments: [String]) throws -> URL {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)")
    #expect(succeeds(["python3", script.path] + arguments + ["--out", out.path]))
    return out
}

/// A 16-bit PCM WAV as written by the synthesizer: channels, rate and interleaved samples.
private func readWAV(_ url: URL) throws -> (channels: Int, rate: Int, samples: [Float]) {
    let bytes = [UInt8](try Data(contentsOf: url))
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    try #require(bytes.count > 44 && String(decoding: bytes[8..<12], as: UTF8.self) == "WAVE")
    var offset = 12
    var channels = 0, rate = 0
    while offset + 8 <= bytes.count {
        let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
        let size = u32(offset + 4)
        if id == "fmt " {
            channels = u16(offset + 10)
            rate = u32(offset + 12)
            #expect(u16(offset + 22) == 16)
        } else if id == "data" {
            let count = min(size, bytes.count - offset - 8) / 2
            let samples = (0..<count).map { k -> Float in
                Float(Int16(bitPattern: UInt16(u16(offset + 8 + 2 * k)))) / 32768
            }
            return (channels, rate, samples)
        }
        offset += 8 + size + (size & 1)
    }
    throw CocoaError(.fileReadCorruptFile)
}

/// RTTM lines as (speaker, start, end).
private func readRTTM(_ url: URL) throws -> [(String, Double, Double)] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
        let f = line.split(separator: " ")
        let start = try #require(Double(f[3])), length = try #require(Double(f[4]))
        #expect(f[0] == "SPEAKER" && length > 0)
        return (String(f[7]), start, start + length)
    }
}

@Test(.enabled(if: toolsPresent), .timeLimit(.minutes(5)))
func lapelMeetingFilesAgreeAndTheDetectorFindsEachPersonsTime() throws {
    // Given a 20 s meeting of three people, one microphone each, gains off by up to 6 dB
    let dir = try synthesize([
        "--seed", "5", "--speakers", "3", "--duration", "20", "--mic", "lapel", "--noise", "pink",
        "--snr", "15", "--hum", "50", "--gain-spread", "6",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let wav = try readWAV(dir.appendingPathComponent("meeting.wav"))
    let rttm = try readRTTM(dir.appendingPathComponent("meeting.rttm"))
    let truthData = try Data(contentsOf: dir.appendingPathComponent("truth.json"))
    let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])

    // Then the WAV, the RTTM and truth.json describe the same meeting
    #expect(wav.channels == 3 && wav.rate == 16000 && wav.samples.count == 3 * 20 * 16000)
    let speakers = try #require(truth["speakers"] as? [String: [String: Any]])
    #expect(Set(speakers.keys) == ["spk1", "spk2", "spk3"])
    #expect(Set(rttm.map(\.0)).isSubset(of: Set(speakers.keys)))
    #expect(rttm.allSatisfy { $0.1 >= 0 && $0.2 <= 20.001 })
    var labelled: [String: Double] = [:]
    for (speaker, start, end) in rttm { labelled[speaker, default: 0] += end - start }
    for (name, info) in speakers {
        let seconds = try #require(info["speaking_seconds"] as? Double)
        #expect(abs(seconds - (labelled[name] ?? 0)) < 0.01, "\(name)")
    }
    #expect((truth["channel_map"] as? [String: String]) == ["0": "spk1", "1": "spk2", "2": "spk3"])
    // …and the microphones differ: bleed from each other person, unequal gains
    let bleed = try #require(truth["bleed"] as? [String: [String: Double]])
    #expect(bleed.count == 6)
    #expect(bleed.values.allSatisfy { (-25 ... -12).contains($0["gain_db"] ?? 0) && ($0["delay_ms"] ?? 0) >= 1 })
    let gains = try #require(truth["mic_gain_db"] as? [Double])
    #expect(gains.count == 3 && gains.allSatisfy { abs($0) <= 6 } && Set(gains).count == 3)

    // When the detector runs on it with the built-in profile
    var detector = try SpeechDetector(channelCount: 3, sampleRate: 16000, profile: .builtIn)
    var found = [Double](repeating: 0, count: 3)
    let record = { (frame: ActivityFrame) in
        for c in 0..<3 where frame.speaking.contains(channel: c) { found[c] += Double(frame.length) / 16000 }
    }
    wav.samples.withUnsafeBufferPointer { buffer in
        detector.process(buffer, frameCount: 20 * 16000, emit: record)
    }
    detector.finish(emit: record)

    // Then each person's speaking time is close to the labels (bleed counted for its owner
    // would add 100% or more to the quiet ones)
    for c in 0..<3 {
        let reference = labelled["spk\(c + 1)"] ?? 0
        let tolerance = max(1.0, 0.2 * reference)
        #expect(abs(found[c] - reference) <= tolerance, "spk\(c + 1): \(found[c]) s found, \(reference) s labelled")
    }
}

@Test(.enabled(if: toolsPresent), .timeLimit(.minutes(5)))
func theSameSeedGivesTheSameRoomMeeting() throws {
    let arguments = [
        "--seed", "9", "--speakers", "2", "--duration", "10", "--mic", "room", "--noise", "brown",
        "--snr", "6", "--keyboard", "6", "--sr", "48000", "--name", "same",
    ]
    let first = try synthesize(arguments)
    let second = try synthesize(arguments)
    defer {
        try? FileManager.default.removeItem(at: first)
        try? FileManager.default.removeItem(at: second)
    }
    for file in ["meeting.wav", "meeting.rttm"] {
        let a = try Data(contentsOf: first.appendingPathComponent(file))
        let b = try Data(contentsOf: second.appendingPathComponent(file))
        let same = a == b  // a Bool: a diff of two WAVs would take minutes to print
        #expect(same, "\(file) differs between two runs with one seed")
    }
    let wav = try readWAV(first.appendingPathComponent("meeting.wav"))
    #expect(wav.channels == 1 && wav.rate == 48000 && wav.samples.count == 10 * 48000)
    #expect(try readRTTM(first.appendingPathComponent("meeting.rttm")).allSatisfy { $0.0.hasPrefix("spk") })
}

@Test(.enabled(if: toolsPresent), .timeLimit(.minutes(5)))
func rustleAddsUnvoicedBurstsAndChangesNothingElse() throws {
    // Given one room meeting made twice from one seed, with rustle bursts and without
    let base = [
        "--seed", "12", "--speakers", "2", "--duration", "20", "--mic", "room", "--noise", "pink",
        "--snr", "15", "--name", "same",
    ]
    let with = try synthesize(base + ["--rustle", "9"])
    let without = try synthesize(base)
    defer {
        try? FileManager.default.removeItem(at: with)
        try? FileManager.default.removeItem(at: without)
    }
    // Then the labels are the same (rustle is not speech)…
    let labels = try Data(contentsOf: with.appendingPathComponent("meeting.rttm"))
    #expect(labels == (try Data(contentsOf: without.appendingPathComponent("meeting.rttm"))))
    // …truth.json says when the bursts are (9 a minute: 3 in 20 s, each 0.3–2 s)…
    let truth = try #require(
        JSONSerialization.jsonObject(with: Data(contentsOf: with.appendingPathComponent("truth.json"))) as? [String: Any])
    let noise = try #require(truth["noise"] as? [String: Any])
    let bursts = try #require(noise["rustle_bursts"] as? [[Double]])
    #expect(bursts.count == 3)
    #expect(bursts.allSatisfy { $0.count == 2 && (0.29...2.01).contains($0[1] - $0[0]) }, "\(bursts)")
    // …and the two recordings differ only inside the bursts: fitted to each other outside them
    // (each file is scaled to its own peak), what is left outside is under 1% of what the
    // bursts add
    let a = try readWAV(with.appendingPathComponent("meeting.wav")).samples
    let b = try readWAV(without.appendingPathComponent("meeting.wav")).samples
    try #require(a.count == b.count)
    // (the times in truth.json are rounded to 1 ms: 10 ms either side counts as inside)
    let inside = a.indices.map { i in
        bursts.contains { Double(i) / 16000 >= $0[0] - 0.01 && Double(i) / 16000 < $0[1] + 0.01 }
    }
    var ab = 0.0, bb = 0.0
    for i in a.indices where !inside[i] { ab += Double(a[i] * b[i]); bb += Double(b[i] * b[i]) }
    let scale = Float(ab / bb)
    var outside = 0.0, added = 0.0, outsideCount = 0.0, addedCount = 0.0
    for i in a.indices {
        let d = Double(a[i] - scale * b[i])
        if inside[i] { added += d * d; addedCount += 1 } else { outside += d * d; outsideCount += 1 }
    }
    let outsideRMS = (outside / outsideCount).squareRoot(), addedRMS = (added / addedCount).squareRoot()
    #expect(outsideRMS < 0.01 * addedRMS, "outside \(outsideRMS), added \(addedRMS)")
}

@Test(.enabled(if: toolsPresent), .timeLimit(.minutes(5)))
func sharedChatterReachesEveryMicrophoneTogether() throws {
    // Given the same lapel meeting in babble, with shared chatter (the default), chatter placed in
    // the room, and different chatter per microphone
    func chatterCorrelation(_ extra: [String]) throws -> Double {
        let dir = try synthesize([
            "--seed", "3", "--speakers", "2", "--duration", "12", "--mic", "lapel", "--noise", "babble",
            "--snr", "6",
        ] + extra)
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = try readWAV(dir.appendingPathComponent("meeting.wav"))
        let rttm = try readRTTM(dir.appendingPathComponent("meeting.rttm"))
        // 50 ms levels of both microphones where nobody speaks
        let block = 800
        var a: [Double] = [], b: [Double] = []
        for start in stride(from: 0, to: wav.samples.count / 2 - block, by: block) {
            let t0 = Double(start) / 16000, t1 = Double(start + block) / 16000
            guard !rttm.contains(where: { $0.1 < t1 + 0.3 && $0.2 > t0 - 0.3 }) else { continue }
            var e = [0.0, 0.0]
            for k in start..<start + block {
                for c in 0..<2 { e[c] += Double(wav.samples[2 * k + c] * wav.samples[2 * k + c]) }
            }
            a.append(10 * log10(e[0] + 1e-12))
            b.append(10 * log10(e[1] + 1e-12))
        }
        try #require(a.count >= 10, "too little time without speech")
        let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
        let cov = zip(a, b).map { ($0 - ma) * ($1 - mb) }.reduce(0, +)
        let va = a.map { ($0 - ma) * ($0 - ma) }.reduce(0, +), vb = b.map { ($0 - mb) * ($0 - mb) }.reduce(0, +)
        return cov / (va * vb).squareRoot()
    }
    let shared = try chatterCorrelation([]), separate = try chatterCorrelation(["--chatter", "independent"])
    let placed = try chatterCorrelation(["--chatter", "room"])
    // Then shared chatter rises and falls together on both microphones, and separate chatter does not
    #expect(shared > 0.8, "shared chatter: level correlation \(shared)")
    #expect(separate < 0.5, "separate chatter: level correlation \(separate)")
    // …and chatter placed in the room lies in between: the same voices, louder at the nearer
    // microphone
    #expect(placed < shared - 0.1 && placed > separate + 0.3, "placed chatter: level correlation \(placed)")
}

@Test(.enabled(if: toolsPresent), .timeLimit(.minutes(5)))
func chatterPlacedInTheRoomIsNotTakenForTheWearers() throws {
    // Given 40 s of four people with lapel microphones, and chatter from voices placed around
    // the room, 8 dB under them
    let dir = try synthesize([
        "--seed", "63", "--speakers", "4", "--duration", "40", "--mic", "lapel", "--noise", "babble",
        "--snr", "8", "--chatter", "room",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let wav = try readWAV(dir.appendingPathComponent("meeting.wav"))
    let rttm = try readRTTM(dir.appendingPathComponent("meeting.rttm"))
    // Each person's labelled time, and the 10 ms hops at least 0.3 s from anyone's speech
    let hops = wav.samples.count / wav.channels / 160
    var labelled = [Double](repeating: 0, count: 4)
    var nearSpeech = [Bool](repeating: false, count: hops)
    for (speaker, start, end) in rttm {
        labelled[try #require(Int(speaker.dropFirst(3))) - 1] += end - start
        for h in max(0, Int((start - 0.3) * 100))..<min(hops, Int((end + 0.3) * 100)) { nearSpeech[h] = true }
    }
    // When the detector runs with the built-in profile, with and without the close-voice proof
    func detect(_ profile: DetectorProfile) throws -> (error: Double, quiet: Double) {
        var detector = try SpeechDetector(channelCount: 4, sampleRate: 16000, profile: profile)
        var found = [Double](repeating: 0, count: 4)
        var quiet = 0.0
        let record = { (frame: ActivityFrame) in
            let seconds = Double(frame.length) / 16000
            for c in 0..<4 where frame.speaking.contains(channel: c) {
                found[c] += seconds
                if !nearSpeech[min(hops - 1, Int(frame.start / 160))] { quiet += seconds }
            }
        }
        wav.samples.withUnsafeBufferPointer { detector.process($0, frameCount: hops * 160, emit: record) }
        detector.finish(emit: record)
        return (zip(found, labelled).map { abs($0 - $1) }.reduce(0, +), quiet)
    }
    var trusting = DetectorProfile.builtIn
    trusting.closeTalk.dryWaitSeconds = 0
    let proved = try detect(.builtIn), trusted = try detect(trusting)
    // Then with it the four speaking times are off by 1.6 s in all, and under 0.6 s of speech is
    // found while nobody talks (measured: 0.9 s and 0.24 s)…
    #expect(proved.error < 1.6 && proved.quiet < 0.6, "with the proof: \(proved)")
    // …where without it the chatter is taken for the wearers (measured: 3.8 s and 1.6 s)
    #expect(trusted.error > 2.5 && trusted.quiet > 1.0, "without the proof: \(trusted)")
}
