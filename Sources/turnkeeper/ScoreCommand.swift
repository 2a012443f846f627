import ArgumentParser
import AudioIO
import Foundation
import SpeechScoring

/// `turnkeeper score`: how right a detection is, against labels.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score speech found (an RTTM, e.g. from `analyze --rttm`) against reference labels.",
        discussion: """
            Prints speech detection (F1, miss, false alarm, detection error rate), each speaker's \
            speaking-time error, and cross-talk precision and recall, at each collar (seconds \
            ignored either side of every reference boundary, NIST style). Agrees with the \
            evaluation kit's score.py.

            The scored length is --duration, else the `duration` in a truth.json beside the \
            reference, else the length of a meeting.wav beside it, else the last labelled end.

            Example:
              turnkeeper score meeting.rttm out.rttm --collar 0.25 --format json
            """
    )

    @Argument(help: ArgumentHelp("Reference labels (RTTM).", valueName: "ref.rttm"))
    var reference: String

    @Argument(help: ArgumentHelp("Hypothesis to score (RTTM).", valueName: "hyp.rttm"))
    var hypothesis: String

    @Option(help: ArgumentHelp("Collar in seconds; repeat for several. Default: 0 and 0.25.", valueName: "seconds"))
    var collar: [Double] = []

    @Option(help: ArgumentHelp("Length of the recording in seconds.", valueName: "seconds"))
    var duration: Double?

    @Option(name: .customLong("file-id"), help: ArgumentHelp("Only use RTTM lines of this recording.", valueName: "id"))
    var fileID: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: ScoreFormat = .text

    enum ScoreFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if collar.contains(where: { !($0 >= 0 && $0 < 10) }) { throw ValidationError("a collar is between 0 and 10 seconds") }
        if let duration, !(duration > 0) { throw ValidationError("--duration must be more than zero") }
    }

    func run() throws {
        let ref: RTTM
        let hyp: RTTM
        do {
            ref = try RTTM(contentsOf: reference, fileID: fileID)
            hyp = try RTTM(contentsOf: hypothesis, fileID: fileID)
        } catch {
            throw CommandFailure(error.description)
        }
        for (path, rttm) in [(reference, ref), (hypothesis, hyp)] where rttm.fileIDs.count > 1 {
            Console.warn("\(path) holds several recordings (\(rttm.fileIDs.sorted().joined(separator: ", "))); all are pooled (use --file-id)")
        }
        let length = duration ?? guessDuration() ?? {
            let last = max(ref.lastEnd, hyp.lastEnd)
            Console.warn(String(format: "recording length unknown, scoring up to the last labelled end (%.2f s); give --duration", last))
            return last
        }()
        let collars = collar.isEmpty ? [0, 0.25] : collar
        let scores = collars.map {
            SpeechScore(reference: ref.speakers, hypothesis: hyp.speakers, duration: length, collar: $0)
        }
        switch format {
        case .text: print(ScoreReport.text(scores, duration: length, reference: ref, hypothesis: hyp), terminator: "")
        case .json: print(try ScoreReport.json(scores, duration: length), terminator: "")
        }
    }

    /// The recording's length from files beside the reference, as the evaluation kit finds it.
    func guessDuration() -> Double? {
        let folder = URL(fileURLWithPath: reference).deletingLastPathComponent()
        let truth = folder.appendingPathComponent("truth.json")
        if let data = FileManager.default.contents(atPath: truth.path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let seconds = (object["duration"] as? NSNumber)?.doubleValue
        {
            return seconds
        }
        let wav = folder.appendingPathComponent("meeting.wav")
        return (try? WAVFileSource(path: wav.path))?.header.durationSeconds
    }
}
