import ArgumentParser
import FairnessReport
import Foundation
import MeetingStore

/// `turnkeeper report`: the fairness report of a stored meeting.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the fairness report of a stored meeting.",
        discussion: """
            Who spoke how long against an equal share, turns, overruns, cross-talk and \
            interruptions. `turnkeeper meetings` lists the meetings and their numbers.

            Examples:
              turnkeeper report --latest
              turnkeeper report 12 --format markdown --output meeting-12.md
              turnkeeper report --latest --format html --output meeting.html
              turnkeeper report 12 --format html --anonymize --output to-share.html

            The HTML report is one file with its charts inside: open it in any browser, \
            send it, or print it. --anonymize replaces names with initials (or "Member 1", \
            "Member 2"… when initials collide) and hides the file and group names, for \
            sharing outside the group.
            """
    )

    @Argument(help: ArgumentHelp("The meeting's number (see `turnkeeper meetings`).", valueName: "meeting"))
    var meeting: Int64?

    @Flag(help: "Report the most recent meeting.")
    var latest = false

    @Option(help: ArgumentHelp("text, markdown, json, csv or html.", valueName: "format"))
    var format: ReportFormat = .text

    @Flag(help: "Replace people's names with initials (or Member 1, 2…) to share the report outside the group.")
    var anonymize = false

    @Option(help: ArgumentHelp("Write the report to this file instead of the terminal.", valueName: "path"))
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if meeting == nil && !latest { throw ValidationError("say which meeting: a number, or --latest") }
        if meeting != nil && latest { throw ValidationError("give a meeting number or --latest, not both") }
    }

    func run() throws {
        let store = try database.open()
        guard let id = try meeting ?? store.latestMeetingID() else {
            throw CommandFailure("there are no meetings in \(database.resolvedPath) yet; `turnkeeper demo` or `turnkeeper analyze` adds one")
        }
        guard let log = try store.meeting(id: id) else {
            throw CommandFailure("there is no meeting \(id); `turnkeeper meetings` lists them")
        }
        try Console.emit(ReportRenderer.render(log, as: format, anonymized: anonymize), to: output)
    }
}
