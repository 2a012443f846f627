import ArgumentParser
import Foundation
import VoiceActivity

/// `turnkeeper profiles`: the detector profiles this installation has.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the detector profiles (tuned settings for a kind of room and microphone).")

    func run() throws {
        var seen = Set<String>()
        var rows = [["name", "description", "file"]]
        for dir in ModelsDirectory.searchPath() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let url = dir.appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: url.path),
                    let profile = try? DetectorProfile.decode(data, source: url.path),
                    seen.insert(profile.name).inserted
                else { continue }
                rows.append([profile.name, profile.description, url.path])
            }
        }
        if rows.count == 1 {
            rows.append(["default", DetectorProfile.builtIn.description, "(built in)"])
        }
        print(TextTable.render(rows))
    }
}
