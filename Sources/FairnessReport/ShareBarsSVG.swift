/// Each person's share of the speaking time as a horizontal bar, against a dashed line at the
/// equal share; every bar is labelled with its percentage and time, so it reads without colour.
enum ShareBarsSVG {
    static let width = 760.0
    static let left = 96.0
    static let rowHeight = 34.0
    static let top = 34.0

    static func render(_ metrics: FairnessMetrics) -> String {
        let people = metrics.participants
        let equal = people.first?.equalShare ?? 0
        // The scale reaches past the largest share (and the equal share) to a round ten.
        let largest = max(people.map(\.share).max() ?? 0, equal)
        let scaleTop = min(1, (largest * 10 + 1).rounded(.down) / 10 + 0.1)
        let plot = width - left - 130
        let x = { (share: Double) in left + plot * share / scaleTop }
        let height = top + Double(people.count) * rowHeight + 30

        var svg =
            "<svg class=\"chart bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "role=\"img\" aria-label=\"Share of speaking time against the equal share\">\n"
        svg += "<title>Share of speaking time against the equal share</title>\n"
        var tick = 0.0
        while tick <= scaleTop + 1e-9 {
            let bottom = top + Double(people.count) * rowHeight
            svg +=
                "<line x1=\"\(n(x(tick)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(tick)))\" y2=\"\(n(bottom))\" stroke=\"#e3e1dc\" />"
            svg +=
                "<text x=\"\(n(x(tick)))\" y=\"\(n(bottom + 18))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">\(ReportText.percent(tick))</text>\n"
            tick += 0.1
        }
        for (row, person) in people.enumerated() {
            let y = top + Double(row) * rowHeight
            let name = HTMLPage.escape(person.name)
            svg += "<g class=\"bar\" data-participant=\"\(name)\">"
            svg +=
                "<text x=\"\(n(left - 8))\" y=\"\(n(y + rowHeight / 2 + 5))\" font-size=\"14\" text-anchor=\"end\">\(name)</text>"
            svg +=
                "<rect x=\"\(n(left))\" y=\"\(n(y + 5))\" width=\"\(n(max(x(person.share) - left, 0)))\" height=\"\(n(rowHeight - 10))\" "
                + "fill=\"\(HTMLPage.fill(row))\" stroke=\"#333\" stroke-width=\"0.6\" />"
            let label =
                person.speakingSeconds == 0
                ? "did not speak"
                : "\(ReportText.percent(person.share)) (\(ReportText.clock(person.speakingSeconds)))"
            svg +=
                "<text x=\"\(n(x(person.share) + 8))\" y=\"\(n(y + rowHeight / 2 + 5))\" font-size=\"14\" font-weight=\"bold\">\(label)</text>"
            svg += "</g>\n"
        }
        let bottom = top + Double(people.count) * rowHeight
        svg += "<g class=\"equal-share\">"
        svg +=
            "<line x1=\"\(n(x(equal)))\" y1=\"\(n(top - 10))\" x2=\"\(n(x(equal)))\" y2=\"\(n(bottom + 2))\" stroke=\"#1d1d1d\" stroke-width=\"2\" stroke-dasharray=\"6 4\" />"
        svg +=
            "<text x=\"\(n(x(equal)))\" y=\"\(n(top - 14))\" font-size=\"13\" text-anchor=\"middle\">equal share \(ReportText.percent(equal))</text>"
        svg += "</g>\n</svg>"
        return svg
    }

    private static func n(_ value: Double) -> String { HTMLPage.number(value) }
}
