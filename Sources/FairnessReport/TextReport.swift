import Facilitation

/// The terminal form of a report: a heading, an aligned table, sentences and the events list.
enum TextReport {
    static func render(_ metrics: FairnessMetrics) -> String {
        let meeting = metrics.meeting
        var lines: [String] = []
        let title = meeting.id.map { "TurnKeeper fairness report: meeting \($0)" } ?? "TurnKeeper fairness report"
        lines.append(title)
        lines.append(String(repeating: "=", count: title.count))
        lines.append(
            "Started \(ReportText.dateTime(meeting.startedAt)) · \(ReportText.sourceName(meeting.source)) · \(meeting.mode.rawValue) · "
                + "\(meeting.status.rawValue)")
        let equal = metrics.participants.first.map { " · equal share \(ReportText.percent($0.equalShare))" } ?? ""
        lines.append(
            "Length \(ReportText.clock(meeting.durationSeconds)) · speech \(ReportText.clock(meeting.speechSeconds)) · "
                + "silence \(ReportText.clock(meeting.silenceSeconds)) · "
                + "cross-talk \(ReportText.clock(metrics.crossTalkSeconds))")
        lines.append("Gini \(ReportText.decimal(metrics.gini, digits: 2))" + equal)
        if meeting.roomSpeechSeconds > 0 {
            lines.append("Speech credited to the room as a whole: \(ReportText.spoken(meeting.roomSpeechSeconds))")
        }
        lines.append("")
        lines.append(contentsOf: table(metrics.participants, perPersonShares: meeting.perPersonShares))
        lines.append("Cut in/off: interruptions made / received.")
        // Arrival is the first speech or a facilitator's mark; within half a second of the
        // start it is simply "there from the start".
        let arrivals = metrics.participants.compactMap { person in
            person.arrivedAtSeconds.flatMap { $0 >= 0.5 ? "\(person.name) \(ReportText.clock($0))" : nil }
        }
        if !arrivals.isEmpty {
            lines += TextLayout.wrap("Arrivals: \(arrivals.joined(separator: ", ")).")
        }
        if !metrics.sentences.isEmpty {
            lines.append("")
            for sentence in metrics.sentences { lines += TextLayout.wrap("- \(sentence)", continuation: "  ") }
        }
        if !metrics.events.isEmpty {
            lines.append("")
            lines.append("Events")
            let times = metrics.events.map { ReportText.clock($0.atSeconds) }
            let timeWidth = times.map(\.count).max() ?? 0
            let kindWidth = metrics.events.map { ReportText.label($0.kind).count }.max() ?? 0
            for (time, event) in zip(times, metrics.events) {
                lines.append(
                    "  " + pad(time, timeWidth, right: true) + "  "
                        + pad(ReportText.label(event.kind), kindWidth, right: false)
                        + "  " + ReportText.describe(event))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The participants' table, names left-aligned and numbers right-aligned; with names of up
    /// to about seven letters it fits an 80-column terminal.
    /// Without per-person shares (one shared microphone, open floor) the speaking columns
    /// show "-": zeros there would read as silence.
    static func table(_ people: [FairnessMetrics.ParticipantMetrics], perPersonShares: Bool) -> [String] {
        let header = [
            "Name", "Spoke", "Share", "vs equal", "Turns", "Longest", "Overruns", "Cross-talk", "Cut in/off",
        ]
        let rows = people.map { person in
            [
                person.name,
                perPersonShares ? ReportText.clock(person.speakingSeconds) : "-",
                perPersonShares ? ReportText.percent(person.share) : "-",
                perPersonShares ? ReportText.signedPercent(person.difference) : "-", "\(person.turns)",
                ReportText.clock(person.longestTurnSeconds), "\(person.overruns)",
                ReportText.clock(person.crossTalkSeconds),
                "\(person.interruptionsMade)/\(person.interruptionsReceived)",
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { row in
            row.indices.map { column in pad(row[column], widths[column], right: column > 0) }
                .joined(separator: "  ")
                .trailingSpacesRemoved
        }
    }

    static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
