import Facilitation
import Foundation
import TestSupport
import Testing

@testable import FairnessReport

/// Numbers of `MeetingFixtures.series()`, worked out by hand in its doc comment.
@Suite struct SeriesMetricsTests {
    static func series(_ logs: [MeetingLog] = MeetingFixtures.series(), options: SeriesMetrics.Options = .init())
        -> SeriesMetrics
    {
        SeriesMetrics(group: "Tuesday peers", members: MeetingFixtures.seriesMembers, meetings: logs, options: options)
    }

    @Test func giniAndSharesPerMeeting() throws {
        let series = Self.series()

        #expect(series.meetings.count == 6)
        let expectedGini = [0.15, 0.1, 0.4, 0, 0.075, 0]
        for (meeting, gini) in zip(series.meetings, expectedGini) {
            #expect(abs(meeting.gini - gini) < 1e-12)
        }
        #expect(series.meetings.map(\.facilitator) == MeetingFixtures.seriesFacilitators)
        // Each meeting has 100 s of speech, so a share is seconds / 100.
        for (meeting, speaking) in zip(series.meetings, MeetingFixtures.seriesSpeaking) {
            #expect(meeting.members.map(\.name) == MeetingFixtures.seriesMembers)
            for (presence, seconds) in zip(meeting.members, speaking) {
                if seconds > 0 {
                    #expect(abs((presence.share ?? -1) - seconds / 100) < 1e-12)
                } else {
                    #expect(presence.share == nil && !presence.present)
                }
            }
            #expect(meeting.equalShare == 0.25)
        }
    }

    @Test func meetingsAreOrderedOldestFirstWhateverTheInputOrder() {
        let series = Self.series(MeetingFixtures.series().reversed())

        #expect(series.meetings.map(\.facilitator) == MeetingFixtures.seriesFacilitators)
        #expect(series.meetings.map(\.startedAt) == series.meetings.map(\.startedAt).sorted())
    }

    @Test func attendanceAndLateness() throws {
        let series = Self.series()
        let members = Dictionary(uniqueKeysWithValues: series.members.map { ($0.name, $0) })

        #expect(series.members.map(\.name) == MeetingFixtures.seriesMembers)
        #expect(members["Caro"]?.meetingsAttended == 5 && members["Caro"]?.meetingsMissed == 1)
        #expect(members["Dev"]?.meetingsAttended == 6 && members["Dev"]?.timesLate == 2)
        #expect(series.members.filter { $0.name != "Dev" }.allSatisfy { $0.timesLate == 0 })
        #expect(series.meetings.map { $0.members[3].late } == [false, true, false, false, true, false])
        #expect(series.meetings[1].members[3].arrivedAtSeconds == 420)
        // Caro's meeting 3: no speech and no arrival means absent.
        #expect(series.meetings[2].members[2].present == false)

        // With late meaning more than ten minutes, 7 min is on time.
        let lenient = Self.series(options: .init(lateAfter: 600))
        #expect(lenient.members.allSatisfy { $0.timesLate == 0 })
    }

    @Test func meanShareIsOverMeetingsAttended() throws {
        let series = Self.series()

        #expect(abs(series.members[0].meanShare - (0.4 + 0.3 + 0.5 + 0.25 + 0.2 + 0.25) / 6) < 1e-12)
        #expect(abs(series.members[2].meanShare - (0.2 + 0.2 + 0.25 + 0.25 + 0.25) / 5) < 1e-12)
    }

    @Test func rotationPutsWhoeverNeverFacilitatedFirstThenTheLongestAgo() {
        let series = Self.series()

        #expect(series.nextFacilitator == "Dev")
        #expect(series.rotation == ["Dev", "Ana", "Ben", "Caro"])
        #expect(series.members.map(\.timesFacilitated) == [2, 2, 2, 0])
        #expect(series.members[3].lastFacilitated == nil)
        #expect(series.members[0].lastFacilitated == MeetingFixtures.series()[3].startedAt)

        // Once Dev has facilitated (meeting 6), Ana's turn came longest ago.
        var logs = MeetingFixtures.series()
        logs[5].facilitator = "Dev"
        #expect(Self.series(logs).rotation == ["Caro", "Ana", "Ben", "Dev"])
    }

    @Test func reviewVerdictsAfterSixMeetings() throws {
        let review = Self.series().review

        #expect(review.due && review.meetingsCovered == 6 && review.reviewAfter == 6)
        #expect(review.items.map(\.topic) == ["balance", "attendance", "trend"])
        let balance = review.items[0]
        #expect(balance.verdict == .yes)
        #expect(abs((balance.numbers["meanGini"] ?? -1) - 0.725 / 6) < 1e-12)
        #expect(balance.finding.contains("is 0.12, below 0.20"))
        let attendance = review.items[1]
        #expect(attendance.verdict == .no)
        #expect(attendance.finding == "No: Caro missed 1 of 6; Dev arrived late twice.")
        let trend = review.items[2]
        #expect(trend.verdict == .yes)
        #expect(abs((trend.numbers["firstHalfGini"] ?? -1) - 0.65 / 3) < 1e-12)
        #expect(abs((trend.numbers["secondHalfGini"] ?? -1) - 0.075 / 3) < 1e-12)
        #expect(trend.finding.contains("from 0.22 in the first three meetings to 0.03 in the last three"))
    }

    @Test func reviewWithAStricterBoundAndTheMeetingsReversed() {
        // Same meetings, time order reversed: the group moved away from equal time.
        var logs = MeetingFixtures.series()
        let starts = logs.map(\.startedAt)
        for index in logs.indices { logs[index].startedAt = starts[logs.count - 1 - index] }

        let review = Self.series(logs, options: .init(giniBound: 0.1)).review

        #expect(review.items[0].verdict == .no)
        #expect(review.items[0].numbers["meetingsAboveBound"] == 3)
        #expect(review.items[2].verdict == .no)
        #expect(review.items[2].finding.hasPrefix("No, away from it"))
    }

    @Test func reviewIsProvisionalBeforeTheFirstRunEnds() {
        let review = Self.series(Array(MeetingFixtures.series().prefix(4))).review

        #expect(!review.due && review.meetingsCovered == 4)
        #expect(SeriesRenderer.reviewHeading(review).contains("provisional"))

        let one = Self.series(Array(MeetingFixtures.series().prefix(1))).review
        #expect(one.items[2].verdict == .unclear)
    }

    @Test func reviewCoversOnlyTheFirstRun() {
        let review = Self.series(options: .init(reviewAfter: 3)).review

        #expect(review.due && review.meetingsCovered == 3)
        #expect(abs((review.items[0].numbers["meanGini"] ?? -1) - 0.65 / 3) < 1e-12)
        #expect(review.items[1].finding == "No: Caro missed 1 of 3; Dev arrived late once.")
    }

    @Test func reviewWordsForTwoMeetingsReadAsEnglish() {
        // Given the first two meetings of the series
        let review = Self.series(Array(MeetingFixtures.series().prefix(2))).review
        // Then the trend compares "the first meeting" with "the last meeting", not "the first
        // one meeting"…
        #expect(review.items[2].finding.contains(" in the first meeting to "), "\(review.items[2].finding)")
        #expect(review.items[2].finding.hasSuffix(" in the last meeting."), "\(review.items[2].finding)")
        // …and full attendance reads "the meeting", "both meetings", "all three meetings"
        #expect(SeriesMetrics.Review.every(1) == "the meeting")
        #expect(SeriesMetrics.Review.every(2) == "both meetings")
        #expect(SeriesMetrics.Review.every(3) == "all three meetings")
        // …and so does how many meetings went above the bound
        #expect(SeriesMetrics.Review.wentAbove(0, of: 2) == "none went above it")
        #expect(SeriesMetrics.Review.wentAbove(1, of: 6) == "one meeting went above it")
        #expect(SeriesMetrics.Review.wentAbove(2, of: 2) == "both went above it")
        #expect(SeriesMetrics.Review.wentAbove(6, of: 6) == "all six went above it")
    }

    @Test func emptySeries() {
        let series = SeriesMetrics(group: "New", members: [], meetings: [])

        #expect(series.meetings.isEmpty && series.nextFacilitator == nil)
        #expect(series.review.items.allSatisfy { $0.verdict == .unclear })
        #expect(SeriesRenderer.render(series, as: .text).contains("no meetings yet"))
    }
}
