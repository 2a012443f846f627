import ArgumentParser
import AudioIO
import FairnessReport
import Foundation

/// `turnkeeper analyze`: a recorded meeting through the same pipeline as a live one.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a recorded meeting (WAV): find the speech, attribute it, store the timings, print the report.",
        discussion: """
            One channel (a room or laptop microphone): in rounds, speech in a slot is the slot \
            owner's; in open floor it is the room's. Several channels (one microphone per \
            person): channel 0 is the first participant's, and so on, with other people's voices \
            bleeding into a microphone rejected.

            Examples:
              turnkeeper analyze meeting.wav --participants "Ana,Ben,Caro,Dev" --mode rounds --meeting-length 20m
              turnkeeper analyze lapel-mics.wav --participants "Ana,Ben,Caro" --mode open --rttm out.rttm
            """
    )

    @Argument(help: ArgumentHelp("The recording: a WAV file (PCM 16/24/32-bit or 32-bit float, 8–48 kHz, 1–64 channels).", valueName: "file.wav"))
    var file: String

    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Also write the speech found as NIST RTTM (for scoring).", valueName: "path"))
    var rttm: String?

    @Option(help: ArgumentHelp("Format of the report printed at the end.", valueName: "format"))
    var format: ReportFormat = .text

    @Flag(help: "Print no report; just store the meeting.")
    var quiet = false

    @Flag(help: "Log progress to stderr.")
    var verbose = false

    func run() throws {
        let source = try MeetingAnalysis.openAudio(file)
        let plan = try planOptions.plan(
            channelCount: source.format.channelCount, audioSeconds: source.header.durationSeconds)
        let analysis = MeetingAnalysis(
            source: source, plan: plan, profile: try profileOptions.load(), group: planOptions.group,
            facilitator: planOptions.facilitator, logger: makeLogger(verbose: verbose))
        let store = try database.open()
        let log = try analysis.run(store: store)
        if let rttm { try MeetingAnalysis.writeRTTM(log, audioPath: file, to: rttm) }
        if !quiet {
            try Console.emit(ReportRenderer.render(log, as: format), to: nil)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
