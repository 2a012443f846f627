import Facilitation
import Foundation

/// Writes a group's ``SeriesMetrics`` as text, Markdown, JSON, CSV or HTML.
public enum SeriesRenderer {
    /// The series report in `format`, ending with a newline.
    public static func render(_ series: SeriesMetrics, as format: ReportFormat) -> String {
        switch format {
        case .text: return SeriesTextReport.render(series, markdown: false)
        case .markdown: return SeriesTextReport.render(series, markdown: true)
        case .json: return json(series)
        case .csv: return csv(series)
        case .html: return SeriesHTMLReport.render(series)
        }
    }

    /// Reads a JSON series report back.
    public static func decode(_ json: String) throws -> SeriesMetrics {
        try JSONReport.decoder().decode(SeriesMetrics.self, from: Data(json.utf8))
    }

    static func json(_ series: SeriesMetrics) -> String {
        guard let data = try? JSONReport.encoder().encode(series), let text = String(data: data, encoding: .utf8) else {
            return "{ \"error\" : \"the series report could not be encoded\" }\n"
        }
        return text + "\n"
    }

    static let csvHeader = [
        "meetingId", "startedAt", "facilitator", "gini", "member", "present", "late", "share", "arrivedAtSeconds",
    ]

    /// One row per meeting and member (long form, for spreadsheets).
    static func csv(_ series: SeriesMetrics) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for meeting in series.meetings {
            for person in meeting.members {
                let fields = [
                    meeting.id.map { "\($0)" } ?? "", isoDate(meeting.startedAt), meeting.facilitator ?? "",
                    ReportText.decimal(meeting.gini, digits: 4), person.name, person.present ? "yes" : "no",
                    person.late ? "yes" : "no", person.share.map { ReportText.decimal($0, digits: 4) } ?? "",
                    person.arrivedAtSeconds.map { ReportText.decimal($0, digits: 3) } ?? "",
                ]
                lines.append(fields.map(CSVReport.quoted).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2026-11-18T20:26:40Z".
    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// "2026-11-18".
    static func day(_ date: Date) -> String { String(ReportText.dateTime(date).prefix(10)) }

    /// How a member did in one meeting, in a few characters: "40%", "20% late", "absent",
    /// "present" (no per-person shares).
    static func cell(_ presence: SeriesMetrics.Presence) -> String {
        guard presence.present else { return "absent" }
        let base = presence.share.map(ReportText.percent) ?? "present"
        return presence.late ? "\(base) late" : base
    }

    /// The sentence naming who facilitates next.
    static func nextFacilitatorSentence(_ series: SeriesMetrics) -> String {
        guard let next = series.nextFacilitator,
            let member = series.members.first(where: { $0.name == next })
        else { return "No members yet, so nobody to facilitate next." }
        let why = member.lastFacilitated.map { "last facilitated on \(day($0))" } ?? "has not facilitated yet"
        return "Next facilitator: \(next) (\(why)). Rotation: \(series.rotation.joined(separator: ", "))."
    }

    /// "6 meetings, 2026-11-18 to 2026-12-23".
    static func span(_ series: SeriesMetrics) -> String {
        guard let first = series.meetings.first, let last = series.meetings.last else { return "no meetings yet" }
        let count = "\(series.meetings.count) meeting\(series.meetings.count == 1 ? "" : "s")"
        let (from, to) = (day(first.startedAt), day(last.startedAt))
        return from == to ? "\(count), \(from)" : "\(count), \(from) to \(to)"
    }

    /// "Review after the first 6 meetings" or "Review (due after 6 meetings; 4 so far)".
    static func reviewHeading(_ review: SeriesMetrics.Review) -> String {
        review.due
            ? "Review of the first \(review.meetingsCovered) meetings"
            : "Review (due after \(review.reviewAfter) meetings; \(review.meetingsCovered) so far, so provisional)"
    }
}

extension SeriesMetrics {
    /// The series with every person's name replaced by an ``Anonymizer`` alias and the
    /// group's name hidden; the same arguments as ``init(group:members:meetings:options:)``.
    public static func anonymized(
        group: String, members: [String], meetings: [MeetingLog], options: Options = Options()
    ) -> SeriesMetrics {
        let names = members + meetings.flatMap(Anonymizer.names(in:))
        let anonymizer = Anonymizer(names: names)
        return SeriesMetrics(
            group: Anonymizer.hiddenGroup, members: members.map(anonymizer.alias),
            meetings: meetings.map(anonymizer.anonymize), options: options)
    }
}
