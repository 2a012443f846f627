import Foundation

/// The CSV form of a report: one row per participant, a header row, fields quoted when they
/// hold a comma, a quote or a line break (RFC 4180), lines ending in "\n".
enum CSVReport {
    static let header = [
        "name", "speakingSeconds", "share", "equalShare", "difference", "turns", "longestTurnSeconds",
        "overruns", "crossTalkSeconds", "interruptionsMade", "interruptionsReceived", "arrivedAtSeconds",
    ]

    static func render(_ metrics: FairnessMetrics) -> String {
        var lines = [header.joined(separator: ",")]
        for person in metrics.participants {
            let fields = [
                person.name,
                ReportText.decimal(person.speakingSeconds, digits: 3),
                ReportText.decimal(person.share, digits: 4),
                ReportText.decimal(person.equalShare, digits: 4),
                ReportText.decimal(person.difference, digits: 4),
                "\(person.turns)",
                ReportText.decimal(person.longestTurnSeconds, digits: 3),
                "\(person.overruns)",
                ReportText.decimal(person.crossTalkSeconds, digits: 3),
                "\(person.interruptionsMade)",
                "\(person.interruptionsReceived)",
                person.arrivedAtSeconds.map { ReportText.decimal($0, digits: 3) } ?? "",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The field as CSV: quoted, with quotes doubled, when it needs to be.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
