import ArgumentParser
import Foundation
import VoiceActivity

/// `--profile`: which detector profile to use, and where profiles are found.
struct ProfileOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Detector profile: a name from `turnkeeper profiles` or a path to a .json file.",
        valueName: "name|path"))
    var profile: String = "default"

    func load() throws -> DetectorProfile {
        do {
            return try DetectorProfile.load(profile, searchDirectories: ModelsDirectory.searchPath())
        } catch .profileNotFound(let name) where name == "default" {
            return DetectorProfile.builtIn
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// Where the shipped detector profiles (`Models/*.json`) are.
enum ModelsDirectory {
    /// `$TURNKEEPER_MODELS` (any folder: it may hold only your own profiles), then a `Models`
    /// folder beside or above the executable (a checkout running `swift run`, or an install that
    /// keeps `share/turnkeeper/Models`), then `./Models`; these last only where they hold the
    /// shipped `default.json`.
    static func searchPath() -> [URL] {
        var chosen: [URL] = []
        if let env = ProcessInfo.processInfo.environment["TURNKEEPER_MODELS"], !env.isEmpty {
            chosen.append(URL(fileURLWithPath: env))
        }
        var dirs: [URL] = []
        // The executable's own path: argv[0] is only the name typed when it was found on PATH.
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            dirs.append(dir.appendingPathComponent("Models"))
            dirs.append(dir.appendingPathComponent("share/turnkeeper/Models"))
            dir = dir.deletingLastPathComponent()
        }
        dirs.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Models"))
        return chosen + dirs.filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("default.json").path) }
    }
}
