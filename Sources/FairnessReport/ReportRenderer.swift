import Facilitation

/// The formats a fairness report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// A readable terminal report: an aligned table, sentences and the events list.
    case text
    /// Headings and tables, for pasting into notes or a wiki.
    case markdown
    /// Every number, camelCase keys, sorted and pretty; decodes back into `FairnessMetrics`.
    case json
    /// One row per participant with a header row (RFC 4180 quoting).
    case csv
    /// One self-contained page (inline SVG and CSS, no scripts, nothing fetched) with charts,
    /// for a browser, a phone or paper.
    case html
}

/// Writes `FairnessMetrics` as text, Markdown, JSON, CSV or HTML.
public enum ReportRenderer {
    /// The report in `format`, ending with a newline. HTML made from metrics alone has no
    /// timeline; ``render(_:as:anonymized:)`` with the meeting's log has one.
    public static func render(_ metrics: FairnessMetrics, as format: ReportFormat) -> String {
        switch format {
        case .text: return TextReport.render(metrics)
        case .markdown: return MarkdownReport.render(metrics)
        case .json: return JSONReport.render(metrics)
        case .csv: return CSVReport.render(metrics)
        case .html: return HTMLReport.render(metrics, log: nil)
        }
    }

    /// The report of `log` in `format`, names replaced by ``Anonymizer`` aliases when
    /// `anonymized` (the source file's name and the group's name are hidden too).
    public static func render(_ log: MeetingLog, as format: ReportFormat, anonymized: Bool = false) -> String {
        let shown = anonymized ? Anonymizer(names: Anonymizer.names(in: log)).anonymize(log) : log
        let metrics = FairnessMetrics(shown)
        if format == .html { return HTMLReport.render(metrics, log: shown) }
        return render(metrics, as: format)
    }
}
