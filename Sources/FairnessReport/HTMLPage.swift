import Foundation

/// The frame every HTML report shares: one self-contained XHTML-compatible page (inline CSS
/// and SVG, no scripts, nothing fetched), a phone-width viewport and print rules, and the
/// colours and fill patterns that tell people apart without colour.
enum HTMLPage {
    /// A complete page: doctype, head with `title` and the style sheet, the shared SVG
    /// patterns for `people` people (charts and swatches refer to them by id), and `body`.
    static func page(title: String, people: Int, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="TurnKeeper" />
        <title>\(escape(title))</title>
        <style>
        \(styleSheet)
        </style>
        </head>
        <body>
        <svg class="defs" width="0" height="0" aria-hidden="true">\(patternDefinitions(count: people))</svg>
        <main>
        \(body)
        <footer>Made by TurnKeeper from timings only: no audio was kept.</footer>
        </main>
        </body>
        </html>

        """
    }

    /// Text safe in element content and in double-quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A number for SVG coordinates: at most one decimal, no exponent.
    static func number(_ value: Double) -> String {
        ReportText.decimal(value.isFinite ? value : 0, digits: 1)
    }

    /// Okabe–Ito colours, safe for the common kinds of colour blindness; people get them in
    /// plan order, together with a pattern (``patternDefinitions(count:)``) and their name.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The colour of the person at `index`.
    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// The fill of the person at `index`: their colour overlaid with their own pattern.
    static func fill(_ index: Int) -> String { "url(#person\(index))" }

    /// SVG `<pattern>` definitions `person0…personN-1`: solid, diagonal stripes, dots,
    /// cross-hatching, horizontal and vertical stripes…, so a grey-scale print still tells
    /// people apart; plus `crosstalk` (red-brown cross-hatching) and `over` (dark stripes).
    static func patternDefinitions(count: Int) -> String {
        var defs = ""
        for index in 0..<count {
            let colour = colour(index)
            let ink = "#ffffff"
            let marks: String
            switch index % 6 {
            case 0: marks = ""
            case 1: marks = "<path d=\"M0,8 L8,0\" stroke=\"\(ink)\" stroke-width=\"2\" />"
            case 2: marks = "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"\(ink)\" />"
            case 3: marks = "<path d=\"M0,0 L8,8 M0,8 L8,0\" stroke=\"\(ink)\" stroke-width=\"1.4\" />"
            case 4: marks = "<path d=\"M0,4 L8,4\" stroke=\"\(ink)\" stroke-width=\"2\" />"
            default: marks = "<path d=\"M4,0 L4,8\" stroke=\"\(ink)\" stroke-width=\"2\" />"
            }
            defs +=
                "<pattern id=\"person\(index)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                + "<rect width=\"8\" height=\"8\" fill=\"\(colour)\" />\(marks)</pattern>\n"
        }
        defs +=
            "<pattern id=\"crosstalk\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#f3c9c0\" />"
            + "<path d=\"M0,0 L6,6 M0,6 L6,0\" stroke=\"#a3271b\" stroke-width=\"1\" /></pattern>\n"
        defs +=
            "<pattern id=\"over\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fde2dd\" />"
            + "<path d=\"M0,6 L6,0\" stroke=\"#a3271b\" stroke-width=\"1.5\" /></pattern>\n"
        defs +=
            "<pattern id=\"room\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"8\" height=\"8\" fill=\"#6b6b6b\" />"
            + "<path d=\"M0,2 L8,2 M0,6 L8,6\" stroke=\"#ffffff\" stroke-width=\"1\" /></pattern>\n"
        return "<defs>\n\(defs)</defs>"
    }

    /// A small inline SVG swatch filled with `fill`, for legends and tables.
    static func swatch(_ fill: String, label: String) -> String {
        "<svg class=\"swatch\" width=\"18\" height=\"12\" viewBox=\"0 0 18 12\" role=\"img\" aria-label=\"\(escape(label))\">"
            + "<rect width=\"18\" height=\"12\" fill=\"\(fill)\" stroke=\"#333\" stroke-width=\"0.5\" /></svg>"
    }

    /// Colours, type and layout: one column that fits a phone, wider tables scroll sideways,
    /// print drops backgrounds it does not need and keeps charts whole on a page.
    static let styleSheet = """
        :root { color-scheme: light; }
        svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1d; background: #f6f5f2; }
        main { max-width: 980px; margin: 0 auto; padding: 20px 16px 32px; background: #ffffff; }
        h1 { font-size: 1.6em; margin: 0 0 4px; line-height: 1.25; }
        h2 { font-size: 1.2em; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e3e1dc; }
        .meta { color: #555555; margin: 0 0 12px; }
        .figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; padding: 0; list-style: none; }
        .figures li { flex: 1 1 120px; border: 1px solid #e3e1dc; border-radius: 6px; padding: 6px 10px; }
        .figures b { display: block; font-size: 1.35em; }
        .figures span { color: #555555; font-size: 0.85em; }
        .sentences { padding-left: 1.2em; font-size: 1.08em; }
        .sentences li { margin: 4px 0; }
        .note { background: #fff6df; border-left: 4px solid #E69F00; padding: 8px 12px; }
        svg.chart { width: 100%; min-width: 520px; height: auto; display: block; }
        .chart-wrap { overflow-x: auto; }
        svg text { font-family: "DejaVu Sans", Arial, sans-serif; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 8px 0; list-style: none; font-size: 0.9em; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        svg.swatch { flex: none; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
        th, td { padding: 5px 8px; border-bottom: 1px solid #e3e1dc; text-align: right; white-space: nowrap; }
        th:first-child, td:first-child, th.text, td.text { text-align: left; }
        thead th { white-space: normal; vertical-align: bottom; }
        td.text { white-space: normal; }
        thead th { background: #f0eee9; }
        .verdict { list-style: none; padding: 0; }
        .verdict li { margin: 8px 0; padding: 8px 12px; border-left: 5px solid #888888; background: #f6f5f2; }
        .verdict li.yes { border-color: #009E73; }
        .verdict li.no { border-color: #D55E00; }
        .verdict b { margin-right: 6px; }
        .callout { font-size: 1.1em; padding: 10px 14px; border: 2px solid #0072B2; border-radius: 6px; }
        footer { margin-top: 32px; color: #6b6b6b; font-size: 0.85em; }
        @media (max-width: 600px) {
          body { font-size: 15px; }
          main { padding: 12px 10px 24px; }
          h1 { font-size: 1.3em; }
        }
        @media print {
          body { background: #ffffff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .scroll, .chart-wrap { overflow: visible; }
          svg.chart { min-width: 0; }
          th, td { white-space: normal; }
          @page { margin: 14mm; }
        }
        """
}
