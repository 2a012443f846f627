import Facilitation
import Foundation

/// Where group files live: `$XDG_CONFIG_HOME/turnkeeper/groups/NAME.json`
/// (`~/.config/turnkeeper/groups/NAME.json`).
enum GroupDirectory {
    static var folder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("turnkeeper/groups")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return URL(fileURLWithPath: home).appendingPathComponent(".config/turnkeeper/groups")
    }

    /// The file for group `name` (or `name` itself when it is a path to a .json file).
    static func file(for name: String) -> URL {
        if name.contains("/") || name.hasSuffix(".json") { return URL(fileURLWithPath: name) }
        return folder.appendingPathComponent("\(name).json")
    }

    /// Checks that `name` can be a file name.
    static func validateName(_ name: String) throws {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"),
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " })
        else {
            throw CommandFailure("'\(name)' cannot be a group name; use letters, digits, spaces, - and _")
        }
    }

    /// Reads group `name`'s file, printing its warnings; `nil` when there is no such file.
    static func load(_ name: String) throws -> GroupFile? {
        let url = file(for: name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure("cannot read group file \(url.path) (check its permissions)")
        }
        do {
            let group = try GroupFile.parse(data, file: url.path)
            for warning in group.warnings { Console.warn("group file \(url.path): \(warning)") }
            return group
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
