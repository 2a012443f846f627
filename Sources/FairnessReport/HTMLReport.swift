import Facilitation

/// The HTML form of a meeting report: one self-contained page with the key figures, the plain
/// sentences, bars of each person's share against the equal share, the timeline (when the
/// meeting's timings are at hand), the participants' table and the events.
enum HTMLReport {
    /// The page for `metrics`; `log` (the same meeting) adds the timeline.
    static func render(_ metrics: FairnessMetrics, log: MeetingLog?) -> String {
        let meeting = metrics.meeting
        let people = metrics.participants
        let title = meeting.id.map { "Fairness report: meeting \($0)" } ?? "Fairness report"
        var body = "<header>\n<h1>\(HTMLPage.escape(title))</h1>\n"
        body +=
            "<p class=\"meta\">Started \(ReportText.dateTime(meeting.startedAt)) · "
            + "\(HTMLPage.escape(ReportText.sourceName(meeting.source))) · \(meeting.mode.rawValue) · "
            + "\(meeting.status.rawValue) · \(people.count) \(people.count == 1 ? "person" : "people")</p>\n</header>\n"

        var figures = [
            (ReportText.clock(meeting.durationSeconds), "length"), (ReportText.clock(meeting.speechSeconds), "speech"),
            (ReportText.clock(meeting.silenceSeconds), "silence"),
            (ReportText.clock(metrics.crossTalkSeconds), "cross-talk"),
        ]
        if meeting.perPersonShares {
            figures.append((ReportText.percent(people.first?.equalShare ?? 0), "equal share"))
            figures.append((ReportText.decimal(metrics.gini, digits: 2), "Gini (0 = equal)"))
        } else {
            figures.append((ReportText.clock(meeting.roomSpeechSeconds), "room speech"))
        }
        body +=
            "<ul class=\"figures\">"
            + figures.map { "<li><b>\($0.0)</b><span>\(HTMLPage.escape($0.1))</span></li>" }.joined() + "</ul>\n"

        body += "<section class=\"summary\">\n<h2>In a few words</h2>\n"
        var sentences = metrics.sentences
        if !meeting.perPersonShares, !sentences.isEmpty {
            // The first sentence says why there are no per-person shares: set apart, in a box.
            body +=
                "<p class=\"note room-note\">\(HTMLPage.escape(sentences.removeFirst())) "
                + "The Room lane of the timeline shows when.</p>\n"
        } else if sentences.isEmpty {
            sentences = ["Nothing stood out."]
        }
        if !sentences.isEmpty {
            body +=
                "<ul class=\"sentences\">\n" + sentences.map { "<li>\(HTMLPage.escape($0))</li>\n" }.joined()
                + "</ul>\n"
        }
        body += "</section>\n"

        if meeting.perPersonShares, !people.isEmpty {
            body += "<section class=\"shares\">\n<h2>Share of speaking time</h2>\n"
            body +=
                "<p>Each bar is a person's part of all the speech credited to someone; the dashed line is an equal share.</p>\n"
            body += "<div class=\"chart-wrap\">" + ShareBarsSVG.render(metrics) + "</div>\n</section>\n"
        }

        if let log {
            body += "<section class=\"timeline-section\">\n<h2>Timeline</h2>\n"
            body +=
                "<div class=\"chart-wrap\">" + TimelineSVG.render(log, metrics: metrics) + "</div>\n"
                + legend(log, metrics: metrics) + "</section>\n"
        }

        body +=
            "<section class=\"table\">\n<h2>Participants</h2>\n<div class=\"scroll\">\n" + table(metrics) + "</div>\n"
        body +=
            "<p>Cut in: interruptions made; cut off: interruptions received. Arrived: first speech on their own microphone, or a facilitator's mark.</p>\n</section>\n"

        if !metrics.events.isEmpty {
            body +=
                "<section class=\"events\">\n<h2>Events</h2>\n<div class=\"scroll\">\n<table>\n"
                + "<thead><tr><th>Time</th><th class=\"text\">Event</th><th class=\"text\">What</th></tr></thead>\n<tbody>\n"
            for event in metrics.events {
                body +=
                    "<tr><td>\(ReportText.clock(event.atSeconds))</td><td class=\"text\">\(ReportText.label(event.kind))</td>"
                    + "<td class=\"text\">\(HTMLPage.escape(ReportText.describe(event)))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n</div>\n</section>\n"
        }
        return HTMLPage.page(title: title, people: people.count, body: body)
    }

    /// What the timeline's colours, patterns and marks mean, in words.
    static func legend(_ log: MeetingLog, metrics: FairnessMetrics) -> String {
        var items: [String] = []
        if metrics.meeting.perPersonShares {
            for (index, person) in log.participants.enumerated() {
                items.append(
                    HTMLPage.swatch(HTMLPage.fill(index), label: person.name) + HTMLPage.escape(person.name)
                        + " speaking")
            }
        }
        if log.segments.contains(where: { $0.participant == nil }) || !metrics.meeting.perPersonShares {
            items.append(HTMLPage.swatch("url(#room)", label: "room") + "the room speaking (shared microphone)")
        }
        if !log.turns.isEmpty { items.append("thin strip under a lane: that person holds the turn") }
        if log.turns.contains(where: { $0.plannedEnd != nil }) {
            items.append("solid line: a slot starts; dashed line: where a slot was planned to end")
        }
        if log.turns.contains(where: { ($0.plannedEnd ?? $0.end) < $0.end }) {
            items.append(HTMLPage.swatch("url(#over)", label: "overrun") + "time past the planned end of a slot")
        }
        let kinds = Set(log.events.map(\.kind))
        if kinds.contains(.crossTalk) {
            items.append(
                HTMLPage.swatch("url(#crosstalk)", label: "cross-talk")
                    + "cross-talk (also outlined in the lanes of those speaking)")
        }
        let symbols: [(EventKind, String)] = [
            (.warning, "hollow triangle: warning, the slot ends soon"), (.overrun, "filled diamond: overrun"),
            (.interruption, "cross: interruption"), (.deviceTrouble, "square: audio device trouble"),
        ]
        for (kind, text) in symbols where kinds.contains(kind) {
            let icon =
                "<svg class=\"swatch\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\">"
                + TimelineSVG.marker(kind, x: 9, y: 9) + "</svg>"
            items.append(icon + text)
        }
        return "<ul class=\"legend\">\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }

    /// The participants' table; "-" in the speaking columns when shares are not per person.
    static func table(_ metrics: FairnessMetrics) -> String {
        let shares = metrics.meeting.perPersonShares
        let header = [
            "Name", "Spoke", "Share", "vs equal", "Turns", "Longest turn", "Longest monologue", "Overruns",
            "Cross-talk", "Cut in", "Cut off", "Arrived",
        ]
        var html = "<table>\n<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, person) in metrics.participants.enumerated() {
            let cells = [
                shares ? ReportText.clock(person.speakingSeconds) : "-",
                shares ? ReportText.percent(person.share) : "-",
                shares ? ReportText.signedPercent(person.difference) : "-", "\(person.turns)",
                ReportText.clock(person.longestTurnSeconds),
                shares ? ReportText.clock(person.longestMonologueSeconds) : "-",
                "\(person.overruns)", ReportText.clock(person.crossTalkSeconds), "\(person.interruptionsMade)",
                "\(person.interruptionsReceived)", person.arrivedAtSeconds.map(ReportText.clock) ?? "-",
            ]
            let swatch = shares ? HTMLPage.swatch(HTMLPage.fill(index), label: person.name) + " " : ""
            html +=
                "<tr><td>\(swatch)\(HTMLPage.escape(person.name))</td>" + cells.map { "<td>\($0)</td>" }.joined()
                + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
