import ArgumentParser
import FairnessReport
import Foundation
import VoiceActivity

/// `turnkeeper profiles`: the detector profiles this installation has, with their measured scores.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the detector profiles (tuned settings for a kind of room and microphone).",
        discussion: """
            Pick one with `turnkeeper analyze … --profile NAME`: `default` for a laptop or room \
            microphone, `lapel` when everyone has their own microphone, `noisy-room` for a loud \
            room (a café, a hall with chatter). The scores were measured on labelled meetings: \
            speech F1 (1 is perfect) and false alarms for one microphone, speaking-time error per \
            person for one microphone each. "held out" scores are on meetings the tuning never saw.
            """)

    @Flag(help: "Print every score each profile holds, file by file.")
    var allScores = false

    func run() throws {
        var seen = Set<String>()
        var profiles: [(DetectorProfile, String)] = []
        for dir in ModelsDirectory.searchPath() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let url = dir.appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: url.path),
                    let profile = try? DetectorProfile.decode(data, source: url.path),
                    seen.insert(profile.name).inserted
                else { continue }
                profiles.append((profile, url.path))
            }
        }
        if profiles.isEmpty { profiles.append((DetectorProfile.builtIn, "(built in)")) }
        for (index, (profile, path)) in profiles.enumerated() {
            if index > 0 { print("") }
            print("\(profile.name)  \(path)")
            for line in TextLayout.wrap(profile.description, indent: "    ") { print(line) }
            for part in Self.summary(profile.scores) {
                for line in TextLayout.wrap(part, indent: "    ", continuation: "        ") { print(line) }
            }
            if allScores {
                for key in profile.scores.keys.sorted() {
                    print("    \(key) \(Self.format(profile.scores[key] ?? 0))")
                }
            }
        }
    }

    /// A profile's scores, one entry per setup it was scored on: the tuned and held-out means.
    static func summary(_ scores: [String: Double]) -> [String] {
        var parts: [String] = []
        for setup in ["room", "noisy-room"] {
            guard let f1 = scores["\(setup).tuned.mean.f1"] else { continue }
            var text = "\(setup) F1 \(format(f1))"
            if let held = scores["\(setup).heldOut.mean.f1"] { text += " (held out \(format(held)))" }
            if setup == "room", let ami = scores["room.amiClips.mean.f1"] { text += ", AMI clips \(format(ami))" }
            if let fa = scores["\(setup).tuned.mean.falseAlarm"] {
                text += ", false alarm \(String(format: "%.0f%%", 100 * fa))"
            }
            parts.append(text)
        }
        if let error = scores["lapel.tuned.mean.meanSpeakerErrorPercent"] {
            var text = "lapel speaking-time error \(String(format: "%.1f%%", error))"
            var notes: [String] = []
            if let floored = scores["lapel.tuned.mean.meanSpeakerErrorAtLeast10sPercent"],
                abs(floored - error) >= 0.05
            {
                notes.append("\(String(format: "%.1f%%", floored)) with anyone under 10 s judged in seconds")
            }
            if let held = scores["lapel.heldOut.mean.meanSpeakerErrorPercent"] {
                notes.append("held out \(String(format: "%.1f%%", held))")
            }
            if let stress = scores["lapel.stress.mean.meanSpeakerErrorPercent"] {
                notes.append("chatter only one microphone hears \(String(format: "%.0f%%", stress))")
            }
            if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
            parts.append(text)
        }
        if parts.isEmpty, let f1 = scores.first(where: { $0.key.hasSuffix(".f1") }) {
            parts.append("\(f1.key) \(format(f1.value))")
        }
        return parts.isEmpty ? ["not measured"] : parts
    }

    private static func format(_ value: Double) -> String {
        String(format: value.magnitude >= 10 ? "%.1f" : "%.3f", value)
    }
}
