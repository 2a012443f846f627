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
}

/// Writes `FairnessMetrics` as text, Markdown, JSON or CSV.
public enum ReportRenderer {
    /// The report in `format`, ending with a newline.
    public static func render(_ metrics: FairnessMetrics, as format: ReportFormat) -> String {
        switch format {
        case .text: return TextReport.render(metrics)
        case .markdown: return MarkdownReport.render(metrics)
        case .json: return JSONReport.render(metrics)
        case .csv: return CSVReport.render(metrics)
        }
    }
}
