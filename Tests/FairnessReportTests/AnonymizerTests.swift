import Facilitation
import Foundation
import TestSupport
import Testing

@testable import FairnessReport

/// Anonymized reports: aliases, and no participant's name anywhere in any format.
@Suite struct AnonymizerTests {
    @Test func initialsWhenTheyAreDistinct() {
        let anonymizer = Anonymizer(names: ["Ana Lopez", "ben", "Jean-Pierre Okafor", "Caro"])

        #expect(anonymizer.alias("Ana Lopez") == "AL")
        #expect(anonymizer.alias("ben") == "B")
        #expect(anonymizer.alias("Jean-Pierre Okafor") == "JPO")
        #expect(anonymizer.alias("Caro") == "C")
        #expect(anonymizer.alias("Zed") == "someone")
    }

    @Test func membersNumberedWhenInitialsCollide() {
        let anonymizer = Anonymizer(names: ["Ana", "Ben", "Bea", "Ana"])

        #expect(anonymizer.aliases == ["Ana": "Member 1", "Ben": "Member 2", "Bea": "Member 3"])
        // An initial that would spell someone's real name is a collision too.
        #expect(Anonymizer(names: ["A", "Ana"]).alias("Ana") == "Member 2")
    }

    @Test func aLogLosesNamesSourceAndGroup() {
        let log = Anonymizer(names: Anonymizer.names(in: MeetingFixtures.rounds())).anonymize(MeetingFixtures.rounds())

        #expect(log.participants.map(\.name) == ["A", "B", "C", "D"])
        #expect(log.facilitator == "A")
        #expect(log.group == Anonymizer.hiddenGroup && log.source == Anonymizer.hiddenSource)
        #expect(log.segments == MeetingFixtures.rounds().segments)
    }

    static let names = ["Ana", "Ben", "Caro", "Dev", "tuesday", "Tuesday peers", "hw:2,0", "kitchen"]

    @Test(arguments: ReportFormat.allCases)
    func noNameInAnyMeetingReport(format: ReportFormat) {
        for log in [MeetingFixtures.rounds(), MeetingFixtures.openFloorLapel(), MeetingFixtures.openFloorOneMic()] {
            let plain = ReportRenderer.render(log, as: format)
            let report = ReportRenderer.render(log, as: format, anonymized: true)

            // The plain report has the names, so their absence below means something.
            #expect(plain.contains("Ana") && plain.contains("Ben"))
            for name in Self.names {
                #expect(!report.contains(name), "\(name) in the anonymized \(format) report")
            }
            #expect(report.contains("B"))
        }
    }

    @Test(arguments: ReportFormat.allCases)
    func noNameInAnySeriesReport(format: ReportFormat) {
        let series = SeriesMetrics.anonymized(
            group: "Tuesday peers", members: MeetingFixtures.seriesMembers, meetings: MeetingFixtures.series())

        let report = SeriesRenderer.render(series, as: format)

        for name in Self.names + ["week1"] {
            #expect(!report.contains(name), "\(name) in the anonymized \(format) series report")
        }
        #expect(series.nextFacilitator == "D")
        #expect(series.members.map(\.name) == ["A", "B", "C", "D"])
        #expect(series.meetings.map(\.facilitator) == ["A", "B", "C", "A", "B", "C"])
    }
}
