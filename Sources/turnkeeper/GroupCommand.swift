import ArgumentParser
import Facilitation
import Foundation

/// `turnkeeper group`: the group file that `record` and `facilitate` read with `--group`.
struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract:
            "Write or show a group file: members and microphones, purpose, agreements, time plan, chimes, facilitators.",
        discussion: """
            A group file keeps what a group agreed, so a meeting starts with just \
            `turnkeeper facilitate --group NAME`. It lives in \
            $XDG_CONFIG_HOME/turnkeeper/groups/NAME.json (~/.config/turnkeeper/groups/NAME.json); \
            edit it with any text editor.
            """,
        subcommands: [Init.self, Show.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a group file to fill in (four members on channels 0–3, rounds, 40 minutes).")

        @Argument(help: ArgumentHelp("The group's name (becomes NAME.json).", valueName: "name"))
        var name: String

        @Flag(help: "Replace an existing file of that name.")
        var force = false

        func validate() throws {
            do { try GroupDirectory.validateName(name) } catch { throw ValidationError("\(error)") }
        }

        func run() throws {
            let url = GroupDirectory.file(for: name)
            if FileManager.default.fileExists(atPath: url.path) && !force {
                throw CommandFailure("group file \(url.path) already exists; edit it, or add --force to start again")
            }
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                try GroupFile.template(name: name).jsonText.write(to: url, atomically: true, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            } catch {
                throw CommandFailure("cannot write \(url.path): \(error.localizedDescription)")
            }
            print("Wrote \(url.path). Put in your members and their microphone channels, then:")
            print("  turnkeeper group show \(name)")
            print("  turnkeeper facilitate --group \(name)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a group file and show what it says.")

        @Argument(help: ArgumentHelp("The group's name, or the path of a group file.", valueName: "name"))
        var name: String

        func run() throws {
            guard let group = try GroupDirectory.load(name) else {
                throw CommandFailure(
                    "there is no group file \(GroupDirectory.file(for: name).path); `turnkeeper group init \(name)` writes one"
                )
            }
            print(Self.describe(group))
        }

        static func describe(_ group: GroupFile) -> String {
            var lines = ["Group: \(group.name)"]
            if let purpose = group.purpose { lines.append("Purpose: \(purpose)") }
            if !group.agreements.isEmpty {
                lines.append("Agreements:")
                lines += group.agreements.map { "  - \($0)" }
            }
            lines.append("Members:")
            for member in group.members {
                let mic =
                    member.device.map { "device \($0)" } ?? member.channel.map { "channel \($0)" }
                    ?? "shared microphone"
                lines.append("  \(member.name) (\(mic))")
            }
            var time = "Time: \(group.mode == .rounds ? "rounds" : "open floor")"
            if let length = group.meetingLength { time += ", meeting \(DurationText.format(length))" }
            if let slot = group.plan().effectiveSlotLength, group.mode == .rounds {
                time += ", slot \(DurationText.format(slot))"
            }
            time += ", warning \(DurationText.format(group.warning)) before the end"
            if group.mode == .open { time += ", longest turn \(DurationText.format(group.maxTurn))" }
            lines.append(time)
            let chimes = group.chimes
            lines.append(
                chimes.enabled
                    ? "Chimes: on \(chimes.device), volume \(chimes.volume)\(chimes.crossTalk ? ", ticks on cross-talk" : "")"
                    : "Chimes: off")
            if !group.facilitators.isEmpty {
                lines.append("Facilitators in turn: \(group.facilitators.joined(separator: ", "))")
            }
            lines.append("Review after \(group.reviewAfter) meetings")
            return lines.joined(separator: "\n")
        }
    }
}
