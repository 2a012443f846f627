import Facilitation
import Foundation
import TestSupport
import Testing

@testable import FairnessReport

/// The four renderers. Golden reports are inline (this test target has no resources); a
/// change to them is a change people will see, so update them deliberately.
@Suite struct ReportRendererTests {
    static func metrics(_ log: MeetingLog, id: Int64) -> FairnessMetrics {
        var log = log
        log.id = id
        return FairnessMetrics(log)
    }

    @Test func textReportMatchesGolden() {
        let text = ReportRenderer.render(Self.metrics(MeetingFixtures.rounds(), id: 7), as: .text)

        #expect(text == Self.goldenText)
    }

    @Test func markdownReportMatchesGolden() {
        let markdown = ReportRenderer.render(Self.metrics(MeetingFixtures.openFloorLapel(), id: 8), as: .markdown)

        #expect(markdown == Self.goldenMarkdown)
    }

    @Test func textTableColumnsLineUp() throws {
        let text = ReportRenderer.render(Self.metrics(MeetingFixtures.openFloorLapel(), id: 8), as: .text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex(where: { $0.hasPrefix("Name") }))

        let table = lines[header...header + 3]
        // Right-aligned numbers: every row of the table ends at the same column.
        #expect(Set(table.map(\.count)).count == 1)
        #expect(table.dropFirst().map { String($0.prefix(4)) } == ["Ana ", "Ben ", "Caro"])
    }

    @Test func jsonDecodesBackToTheSameMetrics() throws {
        for log in [MeetingFixtures.rounds(), MeetingFixtures.openFloorLapel(), MeetingFixtures.openFloorOneMic()] {
            let metrics = Self.metrics(log, id: 3)

            let decoded = try JSONReport.decode(ReportRenderer.render(metrics, as: .json))

            #expect(decoded == metrics)
        }
    }

    @Test func jsonUsesTheAgreedKeys() throws {
        let json = ReportRenderer.render(Self.metrics(MeetingFixtures.openFloorLapel(), id: 8), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])

        let meeting = try #require(object["meeting"] as? [String: Any])
        #expect(meeting["id"] as? Int == 8)
        #expect(meeting["startedAt"] as? String == "2026-11-19T20:26:40Z")
        #expect(meeting["durationSeconds"] as? Double == 120)
        #expect(meeting["mode"] as? String == "open")
        let people = try #require(object["participants"] as? [[String: Any]])
        let keys = [
            "name", "speakingSeconds", "share", "equalShare", "turns", "longestTurnSeconds", "overruns",
            "crossTalkSeconds", "interruptionsMade", "interruptionsReceived",
        ]
        #expect(people.count == 3)
        for person in people {
            #expect(keys.allSatisfy { person[$0] != nil }, "missing keys in \(person.keys.sorted())")
        }
        #expect(people.first?["name"] as? String == "Ana")
        #expect(object["gini"] is Double)
        #expect(object["crossTalkSeconds"] as? Double == 6.5)
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.first?["kind"] as? String == "crossTalk")
        #expect(events.first?["atSeconds"] as? Double == 28)
        #expect(events.first?["endSeconds"] as? Double == 30)
        #expect(events.first?["participants"] as? [String] == ["Ana", "Ben"])
        #expect(events[1]["endSeconds"] == nil)
        #expect((object["sentences"] as? [String])?.isEmpty == false)
        // Sorted keys, pretty-printed.
        #expect(json.hasPrefix("{\n  \"crossTalkSeconds\""))
    }

    @Test func csvQuotesNamesWithCommasAndQuotes() {
        var log = MeetingFixtures.openFloorLapel()
        log.plan.participants[0].name = "Smith, Jo"
        log.plan.participants[1].name = "Ben \"Benny\" Okafor"

        let csv = ReportRenderer.render(FairnessMetrics(log), as: .csv)
        let lines = csv.split(separator: "\n").map(String.init)

        #expect(lines.count == 4)
        #expect(lines[0] == CSVReport.header.joined(separator: ","))
        #expect(lines[1].hasPrefix("\"Smith, Jo\",40,"))
        #expect(lines[2].hasPrefix("\"Ben \"\"Benny\"\" Okafor\",34,"))
        #expect(lines[3] == "Caro,42,0.3621,0.3333,0.0287,1,40,1,2.5,1,0,50")
        // Every row has as many fields as the header once quoted commas are skipped.
        #expect(lines.allSatisfy { Self.csvFieldCount($0) == CSVReport.header.count })
    }

    @Test func markdownEscapesPipesInNames() {
        var log = MeetingFixtures.openFloorLapel()
        log.plan.participants[2].name = "Caro | C"

        let markdown = ReportRenderer.render(FairnessMetrics(log), as: .markdown)

        #expect(markdown.contains("| Caro \\| C | 0:42 |"))
    }

    @Test func textNamesAFileSourceWithoutItsFolders() {
        var log = MeetingFixtures.rounds()
        log.source = "/home/ana/recordings/tuesday.wav"

        let text = ReportRenderer.render(FairnessMetrics(log), as: .text)

        #expect(text.contains("· tuesday.wav ·"))
        #expect(!text.contains("/home/ana"))
    }

    @Test(arguments: ReportFormat.allCases)
    func everyFormatEndsWithOneNewline(format: ReportFormat) {
        let output = ReportRenderer.render(FairnessMetrics(MeetingFixtures.rounds()), as: format)

        #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
        #expect(output.contains("Ben"))
    }

    /// Counts CSV fields, treating commas inside quotes as part of the field.
    static func csvFieldCount(_ line: String) -> Int {
        var count = 1
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { count += 1 }
        }
        return count
    }
}
