import ArgumentParser
import Foundation
import Logging

/// `turnkeeper facilitate`: the headless meeting for a box with no screen.
struct FacilitateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitate",
        abstract:
            "Run a live meeting with no screen: chimes for the room, keys on a keypad, control from another device.",
        discussion: """
            For a Raspberry Pi on the table. A soft two-tone chime sounds a minute (--warning) \
            before a slot ends and a clear bell when the time is up; nobody is cut off. \
            Everything is logged to stderr (the journal under systemd).

            Keys on a USB keypad or keyboard: n next turn, p pause/resume, e one more minute, \
            a someone arrived (the next person not yet heard), q end. From a phone or laptop \
            over ssh: `turnkeeper control next|pause|resume|extend 2m|arrive NAME|end`.

            Examples:
              turnkeeper facilitate --group tuesday
              turnkeeper facilitate --device hw:1 --channels 4 --participants "Ana,Ben,Caro,Dev" --meeting-length 40m
              turnkeeper facilitate --group tuesday --stop-after 45m
            """)

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var live: LiveMeetingOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Log every detail (debug level).")
    var verbose = false

    func run() throws {
        var logger = Logger(label: "turnkeeper") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : .notice
        let meeting = LiveMeeting(
            capture: capture, planOptions: planOptions, profileOptions: profileOptions, database: database,
            live: live, logger: logger)
        try meeting.run(presentation: .log)
    }
}
