import Foundation

/// Renders scores for people (text) or programs (JSON).
public enum ScoreReport {
    public static func text(_ scores: [SpeechScore], duration: Double, reference: RTTM, hypothesis: RTTM) -> String {
        var out = String(format: "scored duration %.2f s; reference speakers %@; hypothesis speakers %@\n",
                         duration, reference.speakers.keys.sorted().joined(separator: ","),
                         hypothesis.speakers.keys.sorted().joined(separator: ","))
        for score in scores {
            let d = score.detection
            out += "\n=== collar ±\(format(score.collar)) s ===\n"
            out += "speech: F1 \(ratio(d.f1))  precision \(ratio(d.precision))  recall \(ratio(d.recall))  "
            out += "miss \(percent(d.missRate))  false alarm \(percent(d.falseAlarmRate)) (of reference speech)  "
            out += "FPR \(percent(d.falsePositiveRate))  detection error \(percent(d.detectionErrorRate))\n"
            out += String(format: "  reference speech %.2f s, hypothesis %.2f s, scored %.2f s; 10 ms frame F1 %@\n",
                          d.referenceSpeechSeconds, d.hypothesisSpeechSeconds, d.scoredSeconds, ratio(d.frameF1))
            if score.speakingTime.isEmpty {
                out += "speaking time per speaker: n/a (the hypothesis has no speaker labels)\n"
            } else {
                out += "speaking time per speaker:\n"
                for row in score.speakingTime {
                    out += String(format: "  %-14@ <- %-14@ reference %8.2f s  hypothesis %8.2f s  error %7.2f s  %@\n",
                                  row.reference, row.hypothesis ?? "-", row.referenceSeconds, row.hypothesisSeconds,
                                  row.errorSeconds, row.errorPercent.map { String(format: "%6.1f%%", $0) } ?? "   n/a")
                }
                for (name, seconds) in score.unmappedHypothesisSpeakers.sorted(by: { $0.key < $1.key }) {
                    out += String(format: "  (unmapped hypothesis speaker %@: %.2f s)\n", name, seconds)
                }
            }
            let o = score.overlap
            out += String(format: "cross-talk (≥2 speakers): reference %.2f s / %d intervals, hypothesis %.2f s / %d intervals\n",
                          o.referenceSeconds, o.referenceIntervals, o.hypothesisSeconds, o.hypothesisIntervals)
            out += "  time precision \(ratio(o.timePrecision)) recall \(ratio(o.timeRecall)) F1 \(ratio(o.timeF1)) | "
            out += "interval precision \(ratio(o.intervalPrecision)) recall \(ratio(o.intervalRecall))\n"
        }
        return out
    }

    public static func json(_ scores: [SpeechScore], duration: Double) throws -> String {
        struct Document: Encodable {
            var duration: Double
            var byCollar: [SpeechScore]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Document(duration: duration, byCollar: scores))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func ratio(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
    static func format(_ value: Double) -> String { String(format: "%g", value) }
}
