import Facilitation
import Foundation
import TestSupport
import Testing

@testable import FairnessReport

/// The series report in every format. Golden reports are inline; a change to them is a
/// change people will see, so update them deliberately.
@Suite struct SeriesRendererTests {
    /// The fixture series stored as meetings 11…16.
    static func series(anonymized: Bool = false) -> SeriesMetrics {
        var logs = MeetingFixtures.series()
        for index in logs.indices { logs[index].id = Int64(11 + index) }
        return anonymized
            ? SeriesMetrics.anonymized(group: "Tuesday peers", members: MeetingFixtures.seriesMembers, meetings: logs)
            : SeriesMetrics(group: "Tuesday peers", members: MeetingFixtures.seriesMembers, meetings: logs)
    }

    @Test func textMatchesGolden() {
        #expect(SeriesRenderer.render(Self.series(), as: .text) == Self.goldenText)
    }

    @Test func markdownMatchesGolden() {
        #expect(SeriesRenderer.render(Self.series(), as: .markdown) == Self.goldenMarkdown)
    }

    @Test func jsonDecodesBackToTheSameSeries() throws {
        let series = Self.series()

        let decoded = try SeriesRenderer.decode(SeriesRenderer.render(series, as: .json))

        #expect(decoded == series)
    }

    @Test func jsonHasTheAgreedKeys() throws {
        let json = SeriesRenderer.render(Self.series(), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(meetings.count == 6)
        #expect(
            meetings.allSatisfy { meeting in
                ["id", "startedAt", "gini", "facilitator"].allSatisfy { meeting[$0] != nil }
            })
        #expect(meetings.first?["id"] as? Int == 11)
        #expect(meetings.first?["startedAt"] as? String == "2026-11-18T20:26:40Z")
        #expect(meetings.first?["gini"] as? Double == 0.15)
        #expect(meetings.first?["facilitator"] as? String == "Ana")
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.map { $0["name"] as? String } == ["Ana", "Ben", "Caro", "Dev"])
        #expect(
            members.allSatisfy { member in
                ["name", "meetingsAttended", "timesLate", "meanShare"].allSatisfy { member[$0] != nil }
            })
        #expect(members[3]["timesLate"] as? Int == 2 && members[2]["meetingsAttended"] as? Int == 5)
        #expect(object["nextFacilitator"] as? String == "Dev")
        let review = try #require(object["review"] as? [String: Any])
        let items = try #require(review["items"] as? [[String: Any]])
        #expect(items.map { $0["verdict"] as? String } == ["yes", "no", "yes"])
        #expect(json.hasPrefix("{\n  \"group\""))
    }

    @Test func jsonKeepsAbsentValuesAsNull() throws {
        var logs = MeetingFixtures.series()
        logs[0].facilitator = nil
        let series = SeriesMetrics(group: "Tuesday peers", members: [], meetings: Array(logs.prefix(1)))
        let empty = SeriesMetrics(group: "New", members: [], meetings: [])

        let json = SeriesRenderer.render(series, as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let meetings = try #require(object["meetings"] as? [[String: Any]])

        #expect(meetings.first?["facilitator"] is NSNull)
        #expect(SeriesRenderer.render(empty, as: .json).contains("\"nextFacilitator\" : null"))
        #expect(try SeriesRenderer.decode(json) == series)
    }

    @Test func csvHasARowPerMeetingAndMember() {
        let lines = SeriesRenderer.render(Self.series(), as: .csv).split(separator: "\n").map(String.init)

        #expect(lines.count == 1 + 6 * 4)
        #expect(lines[0] == SeriesRenderer.csvHeader.joined(separator: ","))
        #expect(lines[8] == "12,2026-11-25T20:26:40Z,Ben,0.1,Dev,yes,yes,0.2,420")
        #expect(lines[11] == "13,2026-12-02T20:26:40Z,Caro,0.4,Caro,no,no,,")
    }

    @Test func htmlShowsEveryPoint() throws {
        let document = try XHTMLDocument(SeriesRenderer.render(Self.series(), as: .html))

        #expect(document.all("p", class: "next-facilitator").first?.text.contains("Next facilitator: Dev") == true)
        #expect(document.all("ul", class: "verdict").count == 1)
        let verdicts = document.all("li").filter { $0.attributes["data-topic"] != nil }
        #expect(verdicts.map { $0.attributes["class"] } == ["yes", "no", "yes"])
        #expect(verdicts[1].text.contains("Dev arrived late twice"))
        #expect(document.all("svg", class: "gini").count == 1)
        #expect(document.all("g", class: "bound").first?.text.contains("below 0.20") == true)
        let lines = document.all("g", class: "member-line")
        #expect(lines.compactMap { $0.attributes["data-participant"] } == MeetingFixtures.seriesMembers)
        // Dev's late arrivals are marked on his line, and Caro's line breaks where she was absent.
        #expect(lines[3].text.components(separatedBy: "Dev late").count - 1 == 2)
        #expect(document.all("polyline").count == 1 + 1 + 4 + 1)
        #expect(document.all("g", class: "equal-share").count == 1)
        let rows = document.all("tr").map(\.text)
        #expect(rows.contains("#132026-12-02Caro0.4050%30%absent20%"))
        #expect(rows.contains { $0.contains("Dev") && $0.hasSuffix("never") })
    }
}
