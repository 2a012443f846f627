/// The HTML form of a series report: who facilitates next, the review's verdicts, the Gini
/// and each member's share over time as charts, and the meetings' and members' tables.
enum SeriesHTMLReport {
    static func render(_ series: SeriesMetrics) -> String {
        let title = "Series: \(series.group)"
        var body = "<header>\n<h1>\(HTMLPage.escape(title))</h1>\n"
        body +=
            "<p class=\"meta\">\(HTMLPage.escape(SeriesRenderer.span(series))) · late means arriving more than "
            + "\(ReportText.spoken(series.lateAfterSeconds)) after the start</p>\n</header>\n"
        body +=
            "<p class=\"callout next-facilitator\">\(HTMLPage.escape(SeriesRenderer.nextFacilitatorSentence(series)))</p>\n"

        let review = series.review
        body +=
            "<section class=\"review\">\n<h2>\(HTMLPage.escape(SeriesRenderer.reviewHeading(review)))</h2>\n<ul class=\"verdict\">\n"
        for item in review.items {
            let mark = item.verdict == .yes ? "✔" : item.verdict == .no ? "✘" : "?"
            body +=
                "<li class=\"\(item.verdict.rawValue)\" data-topic=\"\(item.topic)\"><b>\(mark) \(HTMLPage.escape(item.question))</b>"
                + "\(HTMLPage.escape(item.finding))</li>\n"
        }
        body += "</ul>\n</section>\n"

        if !series.meetings.isEmpty {
            body += "<section class=\"gini-chart\">\n<h2>How equal was the time, meeting by meeting</h2>\n"
            body +=
                "<p>The Gini coefficient of speaking time: 0 when everyone spoke equally, towards 1 when one person did all the talking.</p>\n"
            body +=
                "<div class=\"chart-wrap\">" + SeriesCharts.gini(series, bound: review.giniBound)
                + "</div>\n</section>\n"
            body += "<section class=\"share-chart\">\n<h2>Each member's share over time</h2>\n"
            body += "<p>Gaps are meetings a member missed; the grey dotted line is the equal share.</p>\n"
            body +=
                "<div class=\"chart-wrap\">" + SeriesCharts.shares(series) + "</div>\n" + legend(series)
                + "</section>\n"
        }

        body += "<section class=\"meetings\">\n<h2>Meetings</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>"
        body += "<th>Meeting</th><th class=\"text\">Date</th><th class=\"text\">Facilitator</th><th>Gini</th>"
        body += series.members.map { "<th>\(HTMLPage.escape($0.name))</th>" }.joined()
        body += "</tr></thead>\n<tbody>\n"
        for (index, meeting) in series.meetings.enumerated() {
            let cells =
                [
                    meeting.id.map { "#\($0)" } ?? "\(index + 1)", SeriesRenderer.day(meeting.startedAt),
                    meeting.facilitator ?? "-",
                    meeting.perPersonShares ? ReportText.fixed(meeting.gini, digits: 2) : "-",
                ] + meeting.members.map(SeriesRenderer.cell)
            body +=
                "<tr>"
                + cells.enumerated().map { column, cell in
                    "<td\(column == 1 || column == 2 ? " class=\"text\"" : "")>\(HTMLPage.escape(cell))</td>"
                }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n</div>\n</section>\n"

        body += "<section class=\"members\">\n<h2>Members</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>"
        body += ["Member", "Attended", "Missed", "Late", "Mean share", "Facilitated", "Last facilitated"].map {
            "<th>\($0)</th>"
        }.joined()
        body += "</tr></thead>\n<tbody>\n"
        for (index, member) in series.members.enumerated() {
            let cells = [
                "\(member.meetingsAttended)", "\(member.meetingsMissed)", "\(member.timesLate)",
                ReportText.percent(member.meanShare), "\(member.timesFacilitated)",
                member.lastFacilitated.map(SeriesRenderer.day) ?? "never",
            ]
            body +=
                "<tr><td>\(HTMLPage.swatch(HTMLPage.fill(index), label: member.name)) \(HTMLPage.escape(member.name))</td>"
                + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n</div>\n</section>\n"
        return HTMLPage.page(title: title, people: series.members.count, body: body)
    }

    /// Which line and marker is whose.
    static func legend(_ series: SeriesMetrics) -> String {
        var items = series.members.enumerated().map { index, member in
            "<svg class=\"swatch\" width=\"18\" height=\"14\" viewBox=\"0 0 18 14\" aria-hidden=\"true\">"
                + SeriesCharts.marker(index, x: 9, y: 7, colour: HTMLPage.colour(index)) + "</svg>"
                + HTMLPage.escape(member.name)
        }
        items.append("grey dotted line: equal share")
        return "<ul class=\"legend\">\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }
}
