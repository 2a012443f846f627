import AudioIO
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct AnalyzeCommandTests {
    @Test func analyzeStoresTheMeetingPrintsTheReportAndWritesRTTM() throws {
        // Given the demo recording and a fresh database
        let cli = try CLIFixture()
        defer { cli.remove() }
        let rttm = cli.file("out.rttm")
        // When
        let result = try cli.run(
            "analyze", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--mode", "rounds",
            "--meeting-length", "52s", "--rttm", rttm.path)
        // Then
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["Ana", "Ben", "Caro", "Dev"] { #expect(result.stdout.contains(name)) }
        let lines = try String(contentsOf: rttm, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 4)
        for line in lines {
            let fields = line.split(separator: " ")
            #expect(fields.count == 10)
            #expect(fields.first == "SPEAKER")
            #expect(fields[1] == "demo-meeting")
            #expect(Double(fields[3]) != nil && (Double(fields[4]) ?? 0) > 0)
        }
        // And the database and its folder are private
        let fileMode = try FileManager.default.attributesOfItem(atPath: cli.database.path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: cli.database.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
    }

    @Test func reportAndMeetingsShowWhatWasStored() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let analyze = try cli.run("analyze", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--slot", "13s", "--quiet")
        #expect(analyze.status == 0, "\(analyze.stderr)")
        #expect(analyze.stdout.isEmpty)

        let list = try cli.run("meetings")
        #expect(list.status == 0)
        #expect(list.stdout.contains("demo-meeting.wav"))
        #expect(list.stdout.contains("Ana, Ben, Caro, Dev"))

        let json = try cli.run("report", "--latest", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let meeting = object?["meeting"] as? [String: Any]
        #expect(meeting?["mode"] as? String == "rounds")
        #expect(meeting?["id"] != nil && meeting?["startedAt"] != nil)
        #expect(((meeting?["durationSeconds"] as? Double) ?? 0) > 40)
        let participants = object?["participants"] as? [[String: Any]] ?? []
        #expect(participants.map { $0["name"] as? String } == ["Ana", "Ben", "Caro", "Dev"])
        let shares = participants.compactMap { $0["share"] as? Double }
        #expect(abs(shares.reduce(0, +) - 1) < 0.001)
        #expect(object?["gini"] is Double && object?["events"] is [Any])

        let output = cli.file("report.md")
        let markdown = try cli.run("report", "1", "--format", "markdown", "--output", output.path)
        #expect(markdown.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("Ana"))

        let csv = try cli.run("report", "--latest", "--format", "csv")
        #expect(csv.stdout.split(separator: "\n").count == 5)
    }

    @Test func oneMicrophonePerPersonRejectsBleed() throws {
        // Given two channels: Ana's microphone has the demo speech; Ben's hears her voice
        // leaking in, 18 dB down and 3 ms late, over the room's own noise at his microphone
        let cli = try CLIFixture()
        defer { cli.remove() }
        let source = try WAVFileSource(path: DemoMeeting.wav.path)
        var mono: [Float] = []
        let block = UnsafeMutableBufferPointer<Float>.allocate(capacity: 4096)
        defer { block.deallocate() }
        while case let n = try source.read(into: block), n > 0 { mono += block[0..<n] }
        let delay = source.format.sampleRate * 3 / 1000
        let roomNoise = SyntheticSignals.pinkNoise(count: mono.count, dBFS: -46, seed: 7)
        var stereo = [Float](repeating: 0, count: mono.count * 2)
        for i in 0..<mono.count {
            stereo[2 * i] = mono[i]
            stereo[2 * i + 1] = (i >= delay ? mono[i - delay] * 0.126 : 0) + roomNoise[i]
        }
        let wav = cli.file("two-mics.wav")
        try WAVFixture.write(samples: stereo, channels: 2, sampleRate: source.format.sampleRate, to: wav)
        // When
        let result = try cli.run("analyze", wav.path, "--participants", "Ana,Ben", "--mode", "open", "--format", "json")
        // Then Ben said nothing and Ana all of it
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let people = object?["participants"] as? [[String: Any]] ?? []
        let seconds = people.compactMap { $0["speakingSeconds"] as? Double }
        #expect(seconds.count == 2)
        #expect(seconds.first ?? 0 > 20)
        #expect(seconds.last ?? 1 < 0.5)
    }

    @Test func demoRunsTheBundledMeeting() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let result = try cli.run("demo")
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["Ana", "Ben", "Caro", "Dev"] { #expect(result.stdout.contains(name)) }
        #expect(result.stdout.contains("True speaking time"))
        #expect(try cli.run("meetings").stdout.contains("Demo"))
    }

    @Test func helpIsWrittenForPeople() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let help = try cli.run("--help")
        #expect(help.status == 0)
        for command in ["analyze", "report", "meetings", "demo"] { #expect(help.stdout.contains(command)) }
        let analyzeHelp = try cli.run("analyze", "--help")
        for option in ["--participants", "--mode", "--meeting-length", "--slot", "--channel-map", "--rttm", "--profile", "--db"] {
            #expect(analyzeHelp.stdout.contains(option))
        }
    }
}
