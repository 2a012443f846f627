import Facilitation
import Foundation
import TestSupport
import Testing

@testable import FairnessReport

/// The HTML meeting report, parsed as XML and looked through for what people must see.
@Suite struct HTMLReportTests {
    static func html(_ log: MeetingLog, anonymized: Bool = false) -> String {
        var log = log
        log.id = 7
        return ReportRenderer.render(log, as: .html, anonymized: anonymized)
    }

    @Test(arguments: [MeetingFixtures.rounds(), MeetingFixtures.openFloorLapel(), MeetingFixtures.openFloorOneMic()])
    func isOneWellFormedSelfContainedPage(log: MeetingLog) throws {
        let html = Self.html(log)

        let document = try XHTMLDocument(html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html"))
        #expect(document.all("meta").contains { $0.attributes["name"] == "viewport" })
        #expect(document.all("style").first?.text.contains("@media print") == true)
        // Nothing runs and nothing is fetched.
        #expect(document.all("script").isEmpty && document.all("link").isEmpty && document.all("img").isEmpty)
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/") })
        #expect(!html.contains("https://"))
    }

    @Test func roundsHasALanePerParticipantBarsAndTheEqualShareLine() throws {
        let document = try XHTMLDocument(Self.html(MeetingFixtures.rounds()))

        let lanes = document.all("g", class: "lane").filter { !($0.attributes["class"] ?? "").contains("events") }
        #expect(lanes.compactMap { $0.attributes["data-participant"] } == ["Ana", "Ben", "Caro", "Dev"])
        // Speech: Ana 1, Ben 1, Caro 0, Dev 2 segments.
        #expect(document.all("rect", class: "speech").count == 4)
        let bars = document.all("g", class: "bar")
        #expect(bars.compactMap { $0.attributes["data-participant"] } == ["Ana", "Ben", "Caro", "Dev"])
        #expect(bars[1].text.contains("43% (1:18)"))
        #expect(bars[2].text.contains("did not speak"))
        #expect(document.all("g", class: "equal-share").first?.text == "equal share 25%")
        // Slots: four starts, three planned ends that differ from the turn's end (Ben's at
        // 2:00 before he stopped at 2:20, Caro's at 3:20 after the meeting moved on at 3:10).
        #expect(document.all("line", class: "slot").count == 4)
        #expect(document.all("line", class: "planned-end").count == 2)
        #expect(document.all("rect", class: "overrun").count == 1)
        #expect(document.all("g", class: "warning").count == 3 && document.all("g", class: "overrun").count == 1)
    }

    @Test func sentencesAndTableAreThere() throws {
        let document = try XHTMLDocument(Self.html(MeetingFixtures.rounds()))

        let sentences = document.all("ul", class: "sentences").first?.text ?? ""
        #expect(sentences.contains("Ben spoke 43% of the time in a group of four, where an equal share is 25%."))
        #expect(sentences.contains("Caro did not speak."))
        #expect(sentences.contains("The longest monologue was Ben's: 1 min 18 s."))
        let rows = document.all("tr").map(\.text)
        #expect(rows.contains { $0.contains("Ana0:4827%+2%") })
        #expect(rows.contains { $0.contains("Dev") && $0.contains("0:30") })
    }

    @Test func openFloorMarksCrossTalkAndInterruptions() throws {
        let document = try XHTMLDocument(Self.html(MeetingFixtures.openFloorLapel()))

        // Cross-talk: its own lane with four stretches, and outlines in the lanes of those
        // in it (2 + 2 + 3 + 2).
        #expect(document.all("g", class: "crosstalk").count == 1)
        #expect(document.all("rect", class: "crosstalk-mark").count == 9)
        #expect(document.all("g", class: "interruption").count == 2)
        #expect(document.all("li").contains { $0.text.contains("cross-talk (also outlined") })
        #expect(
            document.all("g", class: "lane").compactMap { $0.attributes["data-participant"] } == ["Ana", "Ben", "Caro"])
    }

    @Test func oneSharedMicrophoneInOpenFloorShowsTheRoomLaneAndSaysSo() throws {
        let document = try XHTMLDocument(Self.html(MeetingFixtures.openFloorOneMic()))

        let lanes = document.all("g", class: "lane")
        #expect(lanes.compactMap { $0.attributes["data-participant"] } == ["Room"])
        #expect(document.all("rect", class: "speech").count == 2)
        #expect(
            document.all("p", class: "room-note").first?.text.contains("speech is counted for the room as a whole")
                == true)
        // No per-person bars: they would all read zero.
        #expect(document.all("g", class: "bar").isEmpty)
    }

    @Test func namesAreEscaped() throws {
        var log = MeetingFixtures.rounds()
        log.plan.participants[0].name = "Ana <&> \"A\""

        let document = try XHTMLDocument(Self.html(log))

        #expect(document.all("g", class: "lane").first?.attributes["data-participant"] == "Ana <&> \"A\"")
    }

    @Test func fromMetricsAloneThereIsNoTimelineButStillBars() throws {
        let html = ReportRenderer.render(FairnessMetrics(MeetingFixtures.rounds()), as: .html)

        let document = try XHTMLDocument(html)
        #expect(document.all("svg", class: "timeline").isEmpty)
        #expect(document.all("g", class: "bar").count == 4)
    }

    @Test func tickStepGivesAFewTicks() {
        #expect(TimelineSVG.tickStep(55) == 5)
        #expect(TimelineSVG.tickStep(250) == 30)
        #expect(TimelineSVG.tickStep(20 * 60) == 120)
        #expect(TimelineSVG.tickStep(3 * 3600) == 900)
    }
}
