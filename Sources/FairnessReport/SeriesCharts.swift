/// The series' charts over time as inline SVG: the Gini of each meeting against the bound
/// the review uses, and each member's share of each meeting against the equal share. Every
/// line has its own marker shape and dash pattern and is named at its end, so the charts read
/// without colour.
enum SeriesCharts {
    static let width = 760.0
    static let left = 56.0
    static let right = 100.0
    static let top = 24.0
    static let plotHeight = 220.0

    /// The Gini coefficient of each meeting, with a dashed line at `bound`.
    static func gini(_ series: SeriesMetrics, bound: Double) -> String {
        let values = series.meetings.map { $0.perPersonShares ? $0.gini : nil }
        let ceiling = max(0.5, ((values.compactMap { $0 }.max() ?? 0) * 10).rounded(.up) / 10)
        var svg = frame(series, ceiling: ceiling, label: "Gini", className: "gini", percent: false)
        let y = { (value: Double) in top + plotHeight * (1 - value / ceiling) }
        svg +=
            "<g class=\"bound\"><line x1=\"\(n(left))\" y1=\"\(n(y(bound)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(bound)))\" "
            + "stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"8 5\" />"
            + "<text x=\"\(n(width - right + 4))\" y=\"\(n(y(bound) - 4))\" font-size=\"12\">balanced</text>"
            + "<text x=\"\(n(width - right + 4))\" y=\"\(n(y(bound) + 12))\" font-size=\"12\">below \(ReportText.fixed(bound, digits: 2))</text></g>\n"
        svg += line(
            values, series: series, colour: "#1d1d1d", shape: 0, dash: nil, name: nil, ceiling: ceiling,
            valueLabels: true)
        return svg + "</svg>"
    }

    /// Each member's share of each meeting (gaps where they were absent), with the equal
    /// share of each meeting as a dashed step line.
    static func shares(_ series: SeriesMetrics) -> String {
        let shares = series.members.indices.map { index in series.meetings.map { $0.members[index].share } }
        let largest = shares.flatMap { $0 }.compactMap { $0 }.max() ?? 0
        let ceiling = min(1, max(0.5, (largest * 10).rounded(.up) / 10))
        var svg = frame(series, ceiling: ceiling, label: "Share", className: "shares", percent: true)
        // The equal share depends on how many people were in each meeting's plan.
        let equal = series.meetings.map { $0.perPersonShares && $0.equalShare > 0 ? $0.equalShare : nil }
        svg +=
            "<g class=\"equal-share\">"
            + line(
                equal, series: series, colour: "#6b6b6b", shape: -1, dash: "3 4", name: nil, ceiling: ceiling,
                valueLabels: false)
            + "</g>\n"
        let dashes = [nil, "10 4", "2 4", "12 4 2 4", "6 6", "1 3"]
        let count = Double(series.members.count)
        var ends: [(name: String, y: Double)] = []
        for (index, member) in series.members.enumerated() {
            // Members a few units apart sideways, so equal shares do not hide each other.
            let dx = (Double(index) - (count - 1) / 2) * 5
            svg +=
                "<g class=\"member-line\" data-participant=\"\(HTMLPage.escape(member.name))\">"
                + line(
                    shares[index], series: series, colour: HTMLPage.colour(index), shape: index,
                    dash: dashes[index % dashes.count],
                    name: nil, ceiling: ceiling, valueLabels: false, dx: dx)
            for meeting in series.meetings.indices {
                guard presence(index, meeting, series).late, let share = shares[index][meeting] else { continue }
                let y = top + plotHeight * (1 - min(share, ceiling) / ceiling)
                svg +=
                    "<text x=\"\(n(xPosition(meeting, count: series.meetings.count) + dx))\" y=\"\(n(y + 20))\" "
                    + "font-size=\"11\" text-anchor=\"middle\" font-style=\"italic\">\(HTMLPage.escape(member.name)) late</text>"
            }
            svg += "</g>\n"
            if let last = shares[index].lastIndex(where: { $0 != nil }), let share = shares[index][last] {
                ends.append((member.name, top + plotHeight * (1 - min(share, ceiling) / ceiling)))
            }
        }
        // Names at the right, spread apart so they never overlap.
        let placed = spread(ends.map(\.y), gap: 15)
        for (end, y) in zip(ends, placed) {
            svg +=
                "<text x=\"\(n(width - right + 8))\" y=\"\(n(y + 4))\" font-size=\"13\">\(HTMLPage.escape(end.name))</text>"
        }
        return svg + "\n</svg>"
    }

    /// The chart's opening tag, horizontal grid with value labels, and one label per meeting.
    static func frame(_ series: SeriesMetrics, ceiling: Double, label: String, className: String, percent: Bool)
        -> String
    {
        let height = top + plotHeight + 50
        var svg =
            "<svg class=\"chart \(className)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-label=\"\(label) per meeting\">\n<title>\(label) per meeting</title>\n"
        let steps = 5
        for step in 0...steps {
            let value = ceiling * Double(step) / Double(steps)
            let y = top + plotHeight * (1 - value / ceiling)
            let text = percent ? ReportText.percent(value) : ReportText.fixed(value, digits: 2)
            svg +=
                "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\" stroke=\"#e3e1dc\" />"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" font-size=\"12\" text-anchor=\"end\" fill=\"#555\">\(text)</text>\n"
        }
        for (index, meeting) in series.meetings.enumerated() {
            let x = xPosition(index, count: series.meetings.count)
            let name = meeting.id.map { "#\($0)" } ?? "\(index + 1)"
            svg +=
                "<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 18))\" font-size=\"12\" text-anchor=\"middle\">\(name)</text>"
            svg +=
                "<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 34))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">"
                + "\(SeriesRenderer.day(meeting.startedAt).suffix(5))</text>\n"
        }
        return svg
    }

    /// A polyline through the values (broken where a value is missing), a marker at each
    /// point and, when `name` is given, the name at the last point.
    static func line(
        _ values: [Double?], series: SeriesMetrics, colour: String, shape: Int, dash: String?, name: String?,
        ceiling: Double, valueLabels: Bool, dx: Double = 0
    ) -> String {
        let count = values.count
        let point = { (index: Int, value: Double) in
            (x: xPosition(index, count: count) + dx, y: top + plotHeight * (1 - min(value, ceiling) / ceiling))
        }
        var svg = ""
        var run: [String] = []
        func flush() {
            if run.count >= 2 {
                svg +=
                    "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\""
                    + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " />"
            }
            run = []
        }
        for (index, value) in values.enumerated() {
            guard let value else { flush(); continue }
            let p = point(index, value)
            run.append("\(n(p.x)),\(n(p.y))")
        }
        flush()
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            let p = point(index, value)
            if shape >= 0 { svg += marker(shape, x: p.x, y: p.y, colour: colour) }
            if valueLabels {
                svg +=
                    "<text x=\"\(n(p.x))\" y=\"\(n(p.y - 10))\" font-size=\"12\" text-anchor=\"middle\">\(ReportText.fixed(value, digits: 2))</text>"
            }
        }
        if let name, let last = values.indices.last(where: { values[$0] != nil }), let value = values[last] {
            let p = point(last, value)
            svg +=
                "<text x=\"\(n(width - right + 8))\" y=\"\(n(p.y + 4))\" font-size=\"13\" fill=\"#1d1d1d\">\(HTMLPage.escape(name))</text>"
        }
        return svg + "\n"
    }

    /// Circle, square, triangle, diamond, cross, star… by `shape`.
    static func marker(_ shape: Int, x: Double, y: Double, colour: String) -> String {
        let stroke = "stroke=\"#1d1d1d\" stroke-width=\"1\""
        switch shape % 6 {
        case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(colour)\" \(stroke) />"
        case 1:
            return
                "<rect x=\"\(n(x - 5))\" y=\"\(n(y - 5))\" width=\"10\" height=\"10\" fill=\"\(colour)\" \(stroke) />"
        case 2:
            return
                "<path d=\"M\(n(x)),\(n(y - 6)) L\(n(x + 6)),\(n(y + 5)) L\(n(x - 6)),\(n(y + 5)) Z\" fill=\"\(colour)\" \(stroke) />"
        case 3:
            return
                "<path d=\"M\(n(x)),\(n(y - 7)) L\(n(x + 6)),\(n(y)) L\(n(x)),\(n(y + 7)) L\(n(x - 6)),\(n(y)) Z\" fill=\"\(colour)\" \(stroke) />"
        case 4:
            return
                "<path d=\"M\(n(x - 5)),\(n(y - 5)) L\(n(x + 5)),\(n(y + 5)) M\(n(x - 5)),\(n(y + 5)) L\(n(x + 5)),\(n(y - 5))\" stroke=\"\(colour)\" stroke-width=\"3\" />"
        default:
            return
                "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5\" fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"2.5\" />"
        }
    }

    /// The member in one meeting.
    private static func presence(_ member: Int, _ meeting: Int, _ series: SeriesMetrics) -> SeriesMetrics.Presence {
        series.meetings[meeting].members[member]
    }

    /// `positions` moved apart (keeping their order) so that neighbours are at least `gap`
    /// apart.
    static func spread(_ positions: [Double], gap: Double) -> [Double] {
        let order = positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
        var placed = positions
        var previous = -Double.infinity
        for index in order {
            placed[index] = max(positions[index], previous + gap)
            previous = placed[index]
        }
        return placed
    }

    static func xPosition(_ index: Int, count: Int) -> Double {
        let plot = width - left - right - 40
        return count <= 1 ? left + 20 + plot / 2 : left + 20 + plot * Double(index) / Double(count - 1)
    }

    private static func n(_ value: Double) -> String { HTMLPage.number(value) }
}
