import ArgumentParser
import FairnessReport
import Foundation
import MeetingStore

/// `turnkeeper series`: a group's meetings taken together.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "A group's meetings taken together: fairness over time, attendance, facilitation.",
        discussion: """
            Meetings join a group's series when analysed with --group NAME (and \
            --facilitator NAME for who facilitated).
            """,
        subcommands: [SeriesReportCommand.self]
    )
}

/// `turnkeeper series report`: the series report of a group.
struct SeriesReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report a group's series of meetings.",
        discussion: """
            For each meeting: how equal the time was (the Gini coefficient: 0 is equal) and \
            each member's share. For each member: meetings attended and missed (absent: no \
            speech and no arrival), times late and mean share. Who facilitated each meeting, \
            and who should next: the member who has facilitated least recently. And the \
            review a group holds after its first run of meetings: is time balanced, does \
            everyone attend and arrive on time, has the group moved toward equal time. \
            With --last, the review covers the first of the meetings shown.

            Examples:
              turnkeeper series report --group "Tuesday peers"
              turnkeeper series report --group "Tuesday peers" --format html --output series.html
              turnkeeper series report --group "Tuesday peers" --last 6 --anonymize --format markdown
            """
    )

    @Option(help: ArgumentHelp("The group's name, as given to `analyze --group`.", valueName: "name"))
    var group: String

    @Option(help: ArgumentHelp("Only the group's last N meetings.", valueName: "N"))
    var last: Int?

    @Option(help: ArgumentHelp("text, markdown, json, csv or html.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(
        name: .customLong("late-after"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Arriving later than this after the start counts as late, e.g. 5m or 90s (default 5m).", valueName: "duration"),
        transform: parseDuration)
    var lateAfter: Double = 300

    @Option(
        name: .customLong("review-after"),
        help: ArgumentHelp("The review covers the group's first run of this many meetings.", valueName: "N"))
    var reviewAfter: Int = 6

    @Flag(help: "Replace people's names with initials (or Member 1, 2…) to share the report outside the group.")
    var anonymize = false

    @Option(help: ArgumentHelp("Write the report to this file instead of the terminal.", valueName: "path"))
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if group.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--group needs a group's name") }
        if let last, last < 1 { throw ValidationError("--last must be 1 or more (it is \(last))") }
        if reviewAfter < 1 { throw ValidationError("--review-after must be 1 or more (it is \(reviewAfter))") }
    }

    func run() throws {
        let store = try database.open()
        guard let history = try store.groupHistory(named: group, last: last) else {
            let known = try store.groupNames()
            let hint =
                known.isEmpty
                ? "no meetings have a group yet: analyse one with --group NAME"
                : "the groups are: \(known.joined(separator: ", "))"
            throw CommandFailure("there is no group \"\(group)\" in \(database.resolvedPath); \(hint)")
        }
        let options = SeriesMetrics.Options(lateAfter: lateAfter, reviewAfter: reviewAfter)
        let series =
            anonymize
            ? SeriesMetrics.anonymized(
                group: history.name, members: history.members, meetings: history.meetings, options: options)
            : SeriesMetrics(group: history.name, members: history.members, meetings: history.meetings, options: options)
        try Console.emit(SeriesRenderer.render(series, as: format), to: output)
    }
}
