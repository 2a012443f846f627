import ArgumentParser

@main
struct TurnKeeper: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turnkeeper",
        abstract: "Keeps time fairly for a group meeting in a room, and reports how the time was shared.",
        discussion: """
            TurnKeeper listens for speech (never recording it), follows whose turn it is, and \
            afterwards says who spoke how long against an equal share. Only timings are kept, \
            in a SQLite file readable by you alone.

            Start with `turnkeeper demo` to see a report of a small bundled meeting.
            """,
        subcommands: [
            AnalyzeCommand.self, ReportCommand.self, MeetingsCommand.self, DemoCommand.self,
            ProfilesCommand.self, ScoreCommand.self, DevicesCommand.self, SeriesCommand.self,
            ForgetCommand.self,
        ]
    )
}
