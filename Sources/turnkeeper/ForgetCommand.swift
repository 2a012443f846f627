import ArgumentParser
import Foundation
import MeetingStore

/// `turnkeeper forget`: delete a meeting or a group's whole history, leaving no trace on disk.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete a meeting, or a group's whole history, so nothing of it remains on disk.",
        discussion: """
            Deletes at once, without asking: the meeting's timings, turns, events and \
            attendance (and people who were in no other meeting), or with --group every \
            meeting of the group, its members and the group itself. The database file is \
            then rewritten (deleted content overwritten, the file vacuumed, its -wal file \
            emptied) so nothing of what was deleted can be read back from the disk.

            Examples:
              turnkeeper forget 12
              turnkeeper forget --group "Tuesday peers"
            """
    )

    @Argument(help: ArgumentHelp("The meeting's number (see `turnkeeper meetings`).", valueName: "meeting"))
    var meeting: Int64?

    @Option(help: ArgumentHelp("Forget this group's whole history instead of one meeting.", valueName: "name"))
    var group: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if meeting == nil && group == nil {
            throw ValidationError("say what to forget: a meeting number, or --group NAME")
        }
        if meeting != nil && group != nil { throw ValidationError("give a meeting number or --group, not both") }
        if let group, group.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--group needs a group's name")
        }
    }

    func run() throws {
        let store = try database.open()
        let forgotten: ForgottenRecords
        if let meeting {
            guard try store.meeting(id: meeting) != nil else {
                throw CommandFailure(
                    "there is no meeting \(meeting) in \(database.resolvedPath); `turnkeeper meetings` lists them")
            }
            forgotten = try store.forgetMeeting(id: meeting)
        } else if let group {
            guard let done = try store.forgetGroup(named: group) else {
                let known = try store.groupNames()
                let hint = known.isEmpty ? "there are no groups" : "the groups are: \(known.joined(separator: ", "))"
                throw CommandFailure("there is no group \"\(group)\" in \(database.resolvedPath); \(hint)")
            }
            forgotten = done
        } else {
            return
        }
        print(Self.describe(forgotten))
        print("The database \(database.resolvedPath) was vacuumed: nothing of this remains in it.")
    }

    /// "Deleted group "Tuesday peers", 6 meetings (3, 4, 5, 6, 7, 8) and 4 people (Ana, …)."
    static func describe(_ forgotten: ForgottenRecords) -> String {
        let meetings =
            forgotten.meetings.count == 1
            ? "meeting \(forgotten.meetings[0])"
            : "\(forgotten.meetings.count) meetings"
                + (forgotten.meetings.isEmpty
                    ? "" : " (\(forgotten.meetings.map(String.init).joined(separator: ", ")))")
        let people =
            forgotten.people.isEmpty
            ? "no people (they are in other meetings or groups)"
            : "\(forgotten.people.count) \(forgotten.people.count == 1 ? "person" : "people") (\(forgotten.people.joined(separator: ", ")))"
        if let group = forgotten.group {
            return "Deleted group \"\(group)\", \(meetings) and \(people)."
        }
        return "Deleted \(meetings) and \(people)."
    }
}
