import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `turnkeeper record`: a live meeting with a view on the terminal.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Run a live meeting with a view on this terminal: whose turn, time used and left, everyone's share.",
        discussion: """
            Listens to the microphone(s), keeps the time, and stores the timings (never the \
            audio). The view shows the turn holder, their time used and left, a bar per person \
            against the equal share (| marks the share), and CROSS-TALK when people talk over \
            each other. It works over ssh; when the output is not a terminal, it prints one line \
            per event instead.

            Keys: n next turn, p pause/resume, e one more minute, a someone arrived (the next \
            person not yet heard), q end the meeting. Ctrl-C also ends it cleanly. From another \
            terminal: `turnkeeper control next`.

            Examples:
              turnkeeper record --participants "Ana,Ben,Caro" --meeting-length 30m
              turnkeeper record --group tuesday
              turnkeeper record --device hw:1 --device hw:2 --participants "Ana,Ben" --mode open
            """)

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var live: LiveMeetingOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Log details to stderr.")
    var verbose = false

    func run() throws {
        let meeting = LiveMeeting(
            capture: capture, planOptions: planOptions, profileOptions: profileOptions, database: database,
            live: live, logger: makeLogger(verbose: verbose))
        try meeting.run(presentation: isatty(STDOUT_FILENO) == 1 ? .terminalView : .plainLines)
    }
}
