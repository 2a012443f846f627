import Facilitation

/// The Markdown form of a report: a heading, the meeting's figures, the participants' table,
/// notes and events.
enum MarkdownReport {
    static func render(_ metrics: FairnessMetrics) -> String {
        let meeting = metrics.meeting
        var lines: [String] = []
        lines.append(meeting.id.map { "# Fairness report: meeting \($0)" } ?? "# Fairness report")
        lines.append("")
        lines.append(
            "Started \(ReportText.dateTime(meeting.startedAt)) · source \(escaped(ReportText.sourceName(meeting.source))) · "
                + "\(meeting.mode.rawValue) · \(meeting.status.rawValue)")
        lines.append("")
        lines.append("| Length | Speech | Silence | Cross-talk | Room speech | Gini |")
        lines.append("|---:|---:|---:|---:|---:|---:|")
        lines.append(
            "| \(ReportText.clock(meeting.durationSeconds)) | \(ReportText.clock(meeting.speechSeconds)) | "
                + "\(ReportText.clock(meeting.silenceSeconds)) | \(ReportText.clock(metrics.crossTalkSeconds)) | "
                + "\(ReportText.clock(meeting.roomSpeechSeconds)) | \(ReportText.decimal(metrics.gini, digits: 2)) |")
        lines.append("")
        lines.append("## Participants")
        lines.append("")
        lines.append(
            "| Name | Spoke | Share | Equal share | Difference | Turns | Longest turn | Overruns | Cross-talk "
                + "| Interruptions made | Interruptions received | Arrived |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        // Without per-person shares, zeros in the speaking columns would read as silence.
        let shares = meeting.perPersonShares
        for person in metrics.participants {
            let cells = [
                escaped(person.name),
                shares ? ReportText.clock(person.speakingSeconds) : "-",
                shares ? ReportText.percent(person.share) : "-",
                ReportText.percent(person.equalShare),
                shares ? ReportText.signedPercent(person.difference) : "-", "\(person.turns)",
                ReportText.clock(person.longestTurnSeconds), "\(person.overruns)",
                ReportText.clock(person.crossTalkSeconds), "\(person.interruptionsMade)",
                "\(person.interruptionsReceived)", person.arrivedAtSeconds.map(ReportText.clock) ?? "",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if !metrics.sentences.isEmpty {
            lines.append("")
            lines.append("## Notes")
            lines.append("")
            lines.append(contentsOf: metrics.sentences.map { "- \(escaped($0))" })
        }
        if !metrics.events.isEmpty {
            lines.append("")
            lines.append("## Events")
            lines.append("")
            lines.append("| Time | Event | What |")
            lines.append("|---:|---|---|")
            for event in metrics.events {
                lines.append(
                    "| \(ReportText.clock(event.atSeconds)) | \(ReportText.label(event.kind)) | "
                        + "\(escaped(ReportText.describe(event))) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a table cell or list item: pipes, backslashes and emphasis marks escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\|*_`[]<>".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}
