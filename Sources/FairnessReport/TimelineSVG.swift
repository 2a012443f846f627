import Facilitation

/// The meeting's timeline as inline SVG: one lane per participant (or, with one shared
/// microphone in open floor, one lane for the room), speech as bars in each person's colour
/// and pattern, turns held as a thin strip under the lane, slot boundaries and planned slot
/// ends as vertical lines, overruns hatched, cross-talk outlined in the lanes and hatched in a
/// lane of its own, and warnings, overruns and interruptions as labelled markers.
enum TimelineSVG {
    static let width = 760.0
    static let left = 96.0
    static let right = 16.0
    static let laneHeight = 34.0
    static let laneGap = 6.0
    static let top = 30.0

    /// A lane: who it is for, its label and where it sits.
    struct Lane {
        var participant: Int?
        var label: String
        var fill: String
        var cssClass: String
    }

    static func render(_ log: MeetingLog, metrics: FairnessMetrics) -> String {
        let duration = max(log.durationSeconds, 1)
        let plot = width - left - right
        let x = { (seconds: Double) in left + plot * min(max(seconds, 0), duration) / duration }
        let t = { (frames: Int64) in log.seconds(frames) }

        var lanes: [Lane] = []
        let roomOnly = !metrics.meeting.perPersonShares
        if !roomOnly {
            for (index, person) in log.participants.enumerated() {
                lanes.append(Lane(participant: index, label: person.name, fill: HTMLPage.fill(index), cssClass: "lane"))
            }
        }
        if roomOnly || log.segments.contains(where: { $0.participant == nil }) {
            lanes.append(Lane(participant: nil, label: "Room", fill: "url(#room)", cssClass: "lane room"))
        }
        let crossTalks = log.events.filter { $0.kind == .crossTalk }
        let markers = log.events.filter { $0.kind != .crossTalk }
        let extraRows = (crossTalks.isEmpty ? 0 : 1) + (markers.isEmpty ? 0 : 1)
        let rows = Double(lanes.count + extraRows)
        let height = top + rows * (laneHeight + laneGap) + 26
        let laneY = { (row: Int) in top + Double(row) * (laneHeight + laneGap) }
        let bottom = laneY(lanes.count) - laneGap

        var svg =
            "<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "role=\"img\" aria-label=\"Timeline of who spoke when\">\n"
        svg += "<title>Timeline: who spoke when, turns, cross-talk and events</title>\n"

        // Axis: ticks every nice step, labels above and a faint grid through the lanes.
        let step = tickStep(duration)
        var tick = 0.0
        while tick <= duration + 1e-9 {
            svg +=
                "<line x1=\"\(n(x(tick)))\" y1=\"\(n(top - 6))\" x2=\"\(n(x(tick)))\" y2=\"\(n(height - 24))\" stroke=\"#e3e1dc\" stroke-width=\"1\" />"
            svg +=
                "<text x=\"\(n(x(tick)))\" y=\"\(n(top - 10))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">\(ReportText.clock(tick))</text>\n"
            tick += step
        }

        for (row, lane) in lanes.enumerated() {
            let y = laneY(row)
            let name = HTMLPage.escape(lane.label)
            svg += "<g class=\"\(lane.cssClass)\" data-participant=\"\(name)\">\n"
            svg +=
                "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"\(n(plot))\" height=\"\(n(laneHeight))\" fill=\"#f4f3ef\" />"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + laneHeight / 2 + 5))\" font-size=\"14\" text-anchor=\"end\" fill=\"#1d1d1d\">\(name)</text>\n"
            if let index = lane.participant {
                for turn in log.turns where turn.holder == index {
                    svg += rect(
                        x(t(turn.start)), y + laneHeight - 5, x(t(turn.end)), 5, fill: HTMLPage.colour(index),
                        extra: " opacity=\"0.45\" class=\"turn\"")
                    if let planned = turn.plannedEnd, turn.end > planned {
                        svg += rect(
                            x(t(planned)), y + laneHeight - 7, x(t(turn.end)), 7, fill: "url(#over)",
                            extra: " stroke=\"#a3271b\" stroke-width=\"0.8\" class=\"overrun\"")
                    }
                }
            }
            for segment in log.segments where segment.participant == lane.participant {
                svg += rect(
                    x(t(segment.start)), y + 3, x(t(segment.end)), laneHeight - 11, fill: lane.fill,
                    extra: " class=\"speech\"")
            }
            if let index = lane.participant {
                for event in crossTalks where event.participants.contains(index) {
                    svg += rect(
                        x(t(event.start)), y + 1, x(t(event.end ?? event.start)), laneHeight - 2, fill: "none",
                        extra: " stroke=\"#a3271b\" stroke-width=\"2\" class=\"crosstalk-mark\"")
                }
            }
            svg += "</g>\n"
        }

        var row = lanes.count
        if !crossTalks.isEmpty {
            let y = laneY(row)
            svg += "<g class=\"lane crosstalk\">"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + laneHeight / 2 + 5))\" font-size=\"13\" text-anchor=\"end\" fill=\"#a3271b\">Cross-talk</text>"
            for event in crossTalks {
                let names = event.participants.map {
                    log.participants.indices.contains($0) ? log.participants[$0].name : "?"
                }
                svg +=
                    "<g>"
                    + "<title>\(HTMLPage.escape("\(ReportText.clock(t(event.start))) cross-talk: \(names.joined(separator: ", "))"))</title>"
                svg +=
                    rect(
                        x(t(event.start)), y + 6, x(t(event.end ?? event.start)), laneHeight - 12,
                        fill: "url(#crosstalk)", extra: " stroke=\"#a3271b\" stroke-width=\"1\"") + "</g>"
            }
            svg += "</g>\n"
            row += 1
        }

        // Slot boundaries (rounds): a line at each turn's start through every lane, and a
        // dashed line where each slot was planned to end.
        for turn in log.turns where turn.plannedEnd != nil {
            svg +=
                "<line class=\"slot\" x1=\"\(n(x(t(turn.start))))\" y1=\"\(n(top - 2))\" x2=\"\(n(x(t(turn.start))))\" y2=\"\(n(bottom))\" stroke=\"#444\" stroke-width=\"1.2\" />"
            if let planned = turn.plannedEnd, planned != turn.end {
                svg +=
                    "<line class=\"planned-end\" x1=\"\(n(x(t(planned))))\" y1=\"\(n(top - 2))\" x2=\"\(n(x(t(planned))))\" y2=\"\(n(bottom))\" stroke=\"#444\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" />"
            }
        }
        svg += "\n"

        if !markers.isEmpty {
            let y = laneY(row) + laneHeight / 2
            svg += "<g class=\"lane events\">"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + 5))\" font-size=\"13\" text-anchor=\"end\" fill=\"#1d1d1d\">Events</text>"
            for event in markers {
                let metricsEvent = FairnessMetrics.Event(
                    kind: event.kind, atSeconds: t(event.start), endSeconds: nil,
                    participants: event.participants.map {
                        log.participants.indices.contains($0) ? log.participants[$0].name : "?"
                    },
                    detail: event.detail)
                let title =
                    "\(ReportText.clock(t(event.start))) \(ReportText.label(event.kind)): \(ReportText.describe(metricsEvent))"
                svg +=
                    "<g class=\"marker \(event.kind.rawValue)\"><title>\(HTMLPage.escape(title))</title>\(marker(event.kind, x: x(t(event.start)), y: y))</g>"
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }

    /// A marker readable without colour: a hollow triangle for a warning, a filled diamond
    /// for an overrun, a cross for an interruption, a square for device trouble.
    static func marker(_ kind: EventKind, x: Double, y: Double) -> String {
        switch kind {
        case .warning:
            return
                "<path d=\"M\(n(x - 7)),\(n(y - 7)) L\(n(x + 7)),\(n(y - 7)) L\(n(x)),\(n(y + 6)) Z\" fill=\"#fff6df\" stroke=\"#9a6a00\" stroke-width=\"1.6\" />"
        case .overrun:
            return
                "<path d=\"M\(n(x)),\(n(y - 9)) L\(n(x + 8)),\(n(y)) L\(n(x)),\(n(y + 9)) L\(n(x - 8)),\(n(y)) Z\" fill=\"#a3271b\" stroke=\"#000\" stroke-width=\"0.8\" />"
        case .interruption:
            return
                "<path d=\"M\(n(x - 6)),\(n(y - 6)) L\(n(x + 6)),\(n(y + 6)) M\(n(x - 6)),\(n(y + 6)) L\(n(x + 6)),\(n(y - 6))\" stroke=\"#1d1d1d\" stroke-width=\"3\" />"
        case .deviceTrouble, .crossTalk:
            return
                "<rect x=\"\(n(x - 6))\" y=\"\(n(y - 6))\" width=\"12\" height=\"12\" fill=\"#ffffff\" stroke=\"#1d1d1d\" stroke-width=\"1.6\" />"
        }
    }

    /// A rectangle from `x0` to `x1` (at least a hair wide so short speech still shows).
    static func rect(_ x0: Double, _ y: Double, _ x1: Double, _ height: Double, fill: String, extra: String = "")
        -> String
    {
        let w = max(x1 - x0, 1)
        return
            "<rect x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(height))\" fill=\"\(fill)\"\(extra) />"
    }

    /// A tick spacing giving five to twelve ticks over `duration` seconds.
    static func tickStep(_ duration: Double) -> Double {
        let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
        return steps.first { duration / $0 <= 12 } ?? 7200
    }

    private static func n(_ value: Double) -> String { HTMLPage.number(value) }
}
