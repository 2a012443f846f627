/// The text and Markdown forms of a series report: the meetings with each member's share,
/// the members' attendance, the next facilitator and the review.
enum SeriesTextReport {
    static func render(_ series: SeriesMetrics, markdown: Bool) -> String {
        var lines: [String] = []
        let title = "TurnKeeper series: \(series.group)"
        if markdown {
            lines += ["# Series: \(MarkdownReport.escaped(series.group))", ""]
        } else {
            lines += [title, String(repeating: "=", count: title.count)]
        }
        let span =
            "\(SeriesRenderer.span(series)) · late means arriving more than "
            + "\(ReportText.spoken(series.lateAfterSeconds)) after the start"
        lines += markdown ? [span] : TextLayout.wrap(span)
        lines.append("")

        let names = series.members.map(\.name)
        let meetingHeader = ["Meeting", "Date", "Facilitator", "Gini"] + names
        let meetingRows = series.meetings.enumerated().map { index, meeting in
            [
                meeting.id.map { "#\($0)" } ?? "\(index + 1)", SeriesRenderer.day(meeting.startedAt),
                meeting.facilitator ?? "-", meeting.perPersonShares ? ReportText.fixed(meeting.gini, digits: 2) : "-",
            ] + meeting.members.map(SeriesRenderer.cell)
        }
        heading("Meetings", markdown: markdown, into: &lines)
        lines += table(meetingHeader, meetingRows, markdown: markdown)
        lines.append("")
        let note =
            "Gini: 0 when everyone spoke equally, towards 1 when one person did all the talking. Shares are of "
            + "the speech credited to someone in that meeting; absent: no speech and no arrival."
        lines += markdown ? [note] : TextLayout.wrap(note)
        lines.append("")

        let memberHeader = ["Member", "Attended", "Missed", "Late", "Mean share", "Facilitated", "Last facilitated"]
        let memberRows = series.members.map { member in
            [
                member.name, "\(member.meetingsAttended)", "\(member.meetingsMissed)", "\(member.timesLate)",
                ReportText.percent(member.meanShare), "\(member.timesFacilitated)",
                member.lastFacilitated.map(SeriesRenderer.day) ?? "never",
            ]
        }
        heading("Members", markdown: markdown, into: &lines)
        lines += table(memberHeader, memberRows, markdown: markdown)
        lines.append("")
        let next = SeriesRenderer.nextFacilitatorSentence(series)
        lines += markdown ? [next] : TextLayout.wrap(next)
        lines.append("")

        heading(SeriesRenderer.reviewHeading(series.review), markdown: markdown, into: &lines)
        for item in series.review.items {
            if markdown {
                lines.append("- **\(MarkdownReport.escaped(item.question))** \(MarkdownReport.escaped(item.finding))")
            } else {
                lines += TextLayout.wrap("- \(item.question) \(item.finding)", continuation: "  ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func heading(_ text: String, markdown: Bool, into lines: inout [String]) {
        if markdown {
            lines += ["## \(text)", ""]
        } else {
            lines += [text, String(repeating: "-", count: text.count)]
        }
    }

    /// An aligned text table (names left, the rest right), or a Markdown table.
    static func table(_ header: [String], _ rows: [[String]], markdown: Bool) -> [String] {
        if markdown {
            let align = header.indices.map { $0 == 0 || header[$0] == "Facilitator" ? "---" : "---:" }
            return [
                "| " + header.map(MarkdownReport.escaped).joined(separator: " | ") + " |",
                "|" + align.joined(separator: "|") + "|",
            ]
                + rows.map { "| " + $0.map(MarkdownReport.escaped).joined(separator: " | ") + " |" }
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let leftAligned = Set(header.indices.filter { $0 == 0 || header[$0] == "Facilitator" || header[$0] == "Date" })
        return ([header] + rows).map { row in
            var line = row.indices.map { column in
                TextReport.pad(row[column], widths[column], right: !leftAligned.contains(column))
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
