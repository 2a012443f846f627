import ArgumentParser
import AudioIO
import FairnessReport
import Facilitation
import Foundation
import MeetingStore

/// `turnkeeper demo`: the whole job on a small bundled meeting, nothing to plug in.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Analyse a small bundled meeting (four people in rounds), store it and print its report.",
        discussion: """
            The bundled recording is synthetic speech with room noise, made by \
            scripts/make-demo-meeting. It runs through the same pipeline as `analyze`, is \
            stored like any meeting (see `turnkeeper meetings`), and the report is printed with \
            the true speaking times beside the measured ones.
            """
    )

    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Format of the report.", valueName: "format"))
    var format: ReportFormat = .text

    @Flag(help: "Log progress to stderr.")
    var verbose = false

    func run() throws {
        guard let wav = Bundle.module.url(forResource: "demo-meeting", withExtension: "wav"),
            let planURL = Bundle.module.url(forResource: "demo-meeting", withExtension: "json"),
            let planData = FileManager.default.contents(atPath: planURL.path)
        else {
            throw CommandFailure("the bundled demo meeting is missing from this build; rebuild with `swift build`")
        }
        let demo: DemoPlan
        do {
            demo = try JSONDecoder().decode(DemoPlan.self, from: planData)
        } catch {
            throw CommandFailure("the bundled demo plan is unreadable: \(error)")
        }
        let source = try MeetingAnalysis.openAudio(wav.path)
        let plan = MeetingPlan(
            mode: demo.mode, participants: demo.participants.map { Participant(name: $0) },
            slotLength: demo.slotSeconds, warningBefore: demo.warningSeconds ?? 5)
        let analysis = MeetingAnalysis(
            source: source, plan: plan, profile: try profileOptions.load(), group: "Demo",
            facilitator: demo.facilitator, logger: makeLogger(verbose: verbose))
        let log = try analysis.run(store: try database.open())
        let metrics = FairnessMetrics(log)
        try Console.emit(ReportRenderer.render(log, as: format), to: nil)
        if format == .text, let truth = demo.speakingSeconds {
            print("\nTrue speaking time (from the script that made the recording) against measured:")
            var rows = [["name", "true", "measured"]]
            for person in metrics.participants {
                let real = truth[person.name] ?? 0
                rows.append([person.name, String(format: "%.1f s", real), String(format: "%.1f s", person.speakingSeconds)])
            }
            print(TextTable.render(rows))
        }
        Console.note("Stored as meeting \(log.id ?? 0) in \(database.resolvedPath).")
    }
}

/// The bundled demo's plan and truth (`demo-meeting.json`).
struct DemoPlan: Decodable {
    var participants: [String]
    var mode: MeetingMode
    var slotSeconds: Double
    var warningSeconds: Double?
    var facilitator: String?
    var speakingSeconds: [String: Double]?
}
