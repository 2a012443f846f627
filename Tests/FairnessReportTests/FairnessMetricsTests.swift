import Facilitation
import Foundation
import TestSupport
import Testing

@testable import FairnessReport

/// Numbers on the hand-built meetings of `MeetingFixtures` (their doc comments give the
/// timings these expectations are worked out from).
@Suite struct FairnessMetricsTests {
    @Test func roundsSharesTurnsAndOverruns() throws {
        let metrics = FairnessMetrics(MeetingFixtures.rounds())
        let people = metrics.participants

        #expect(people.map(\.name) == ["Ana", "Ben", "Caro", "Dev"])
        #expect(people.map(\.speakingSeconds) == [48, 78, 0, 55])
        let credited = 48.0 + 78 + 0 + 55
        #expect(people.map(\.share) == [48 / credited, 78 / credited, 0, 55 / credited])
        #expect(people.allSatisfy { $0.equalShare == 0.25 })
        #expect(people[1].difference == 78 / credited - 0.25)
        #expect(people.map(\.turns) == [1, 1, 1, 1])
        #expect(people.map(\.longestTurnSeconds) == [60, 80, 50, 60])
        #expect(people.map(\.overruns) == [0, 1, 0, 0])
        #expect(people.map(\.arrivedAtSeconds) == [0, 0, 0, 30])
        #expect(metrics.meeting.speechSeconds == credited)
        #expect(metrics.meeting.silenceSeconds == 250 - credited)
        #expect(metrics.meeting.roomSpeechSeconds == 0)
        #expect(metrics.crossTalkSeconds == 0)
    }

    @Test func giniMatchesAHandComputation() {
        // Rounds: 48, 78, 0, 55. Pairwise |differences|: 30, 48, 7, 78, 23, 55 = 241, both
        // orders 482; over 2 · n · total = 2 · 4 · 181.
        #expect(abs(FairnessMetrics(MeetingFixtures.rounds()).gini - 482.0 / 1448.0) < 1e-12)
        // Lapel: 40, 34, 42 → 6 + 2 + 8 = 16, both orders 32; over 2 · 3 · 116.
        #expect(abs(FairnessMetrics(MeetingFixtures.openFloorLapel()).gini - 32.0 / 696.0) < 1e-12)
        // One person does all the talking among four: (3 · 10) · 2 / (2 · 4 · 10).
        #expect(FairnessMetrics.gini([0, 0, 0, 10]) == 0.75)
        #expect(FairnessMetrics.gini([20, 20, 20]) == 0)
        #expect(FairnessMetrics.gini([0, 0]) == 0)
        #expect(FairnessMetrics.gini([]) == 0)
    }

    @Test func openFloorCrossTalkAndInterruptions() {
        let metrics = FairnessMetrics(MeetingFixtures.openFloorLapel())
        let people = metrics.participants

        #expect(people.map(\.speakingSeconds) == [40, 34, 42])
        #expect(metrics.meeting.speechSeconds == 110)
        // 28–30, 58–60 ∪ 59–60.5 = 58–60.5, 105–107: 2 + 2.5 + 2.
        #expect(metrics.crossTalkSeconds == 6.5)
        // Ana: 28–30, 59–60.5, 105–107; Ben: 28–30, 58–60.5, 105–107; Caro: 58–60.5.
        #expect(people.map(\.crossTalkSeconds) == [5.5, 6.5, 2.5])
        #expect(people.map(\.interruptionsMade) == [0, 1, 1])
        #expect(people.map(\.interruptionsReceived) == [1, 1, 0])
        #expect(people.map(\.turns) == [2, 1, 1])
        #expect(people.map(\.longestTurnSeconds) == [30, 30, 40])
        #expect(people.map(\.overruns) == [0, 0, 1])
        #expect(people.map(\.arrivedAtSeconds) == [0, 1, 50])
    }

    @Test func eventsAreInTimeOrderWithNames() throws {
        var log = MeetingFixtures.openFloorLapel()
        log.events.reverse()

        let events = FairnessMetrics(log).events

        #expect(events.map(\.atSeconds) == [28, 30, 58, 59, 60, 95, 105])
        let first = try #require(events.first)
        #expect(first.kind == .crossTalk && first.endSeconds == 30 && first.participants == ["Ana", "Ben"])
        #expect(
            events[1].kind == .interruption && events[1].participants == ["Ben", "Ana"] && events[1].endSeconds == nil)
    }

    @Test func oneMicrophoneOpenFloorCountsSpeechForTheRoom() {
        let metrics = FairnessMetrics(MeetingFixtures.openFloorOneMic())

        #expect(metrics.meeting.roomSpeechSeconds == 35)
        #expect(metrics.meeting.speechSeconds == 35)
        #expect(metrics.participants.allSatisfy { $0.speakingSeconds == 0 && $0.share == 0 })
        #expect(metrics.gini == 0)
        #expect(metrics.sentences.count == 1)
        #expect(metrics.sentences.first?.contains("room as a whole") == true)
        #expect(metrics.sentences.first?.contains("one microphone per person") == true)
        #expect(!metrics.sentences.contains { $0.contains("did not speak") })
    }

    @Test func roundsSentences() {
        let sentences = FairnessMetrics(MeetingFixtures.rounds()).sentences

        #expect(
            sentences == [
                "Ben spoke 43% of the time in a group of four, where an equal share is 25%.",
                "Caro did not speak.",
                "1 overrun: Ben (1).",
                "The longest turn was Ben's: 1 min 20 s.",
                "The longest monologue was Ben's: 1 min 18 s.",
            ])
    }

    @Test func interruptionSentenceNamesTheMainInterrupter() {
        var log = MeetingFixtures.openFloorLapel()
        log.plan.participants.append(Participant(name: "Dev", channel: 3))
        log.events = [
            FacilitationEvent(kind: .interruption, start: 10, participants: [3, 0]),
            FacilitationEvent(kind: .interruption, start: 20, participants: [1, 3]),
            FacilitationEvent(kind: .interruption, start: 30, participants: [3, 2]),
        ]

        let metrics = FairnessMetrics(log)

        #expect(metrics.sentences.contains("3 interruptions, 2 of them by Dev."))
        #expect(metrics.participants.map(\.interruptionsMade) == [0, 1, 0, 2])
        #expect(metrics.participants.map(\.interruptionsReceived) == [1, 0, 1, 1])
    }

    @Test func overlappingSegmentsOfOnePersonCountOnce() {
        var log = MeetingFixtures.openFloorLapel()
        // Ana heard on her own channel and, at the same time, on Ben's (10–20 s overlaps).
        log.segments = [MeetingFixtures.segment(0, 0, 0, 20), MeetingFixtures.segment(0, 1, 10, 30)]
        log.segments.append(MeetingFixtures.segment(nil, 0, 40, 45))

        let metrics = FairnessMetrics(log)

        #expect(metrics.participants[0].speakingSeconds == 30)
        #expect(metrics.participants[0].share == 1)
        #expect(metrics.meeting.roomSpeechSeconds == 5)
        #expect(metrics.meeting.speechSeconds == 35)
        #expect(metrics.sentences.contains("5 s of speech could not be credited to anyone and counts for the room."))

        // A fraction of a second of room speech is detector noise, not worth a sentence.
        log.segments[2] = MeetingFixtures.segment(nil, 0, 40, 40.5)
        #expect(!FairnessMetrics(log).sentences.contains { $0.contains("counts for the room") })
    }

    @Test func emptyMeetingHasNoNaNs() {
        let log = MeetingLog(
            startedAt: MeetingFixtures.startedAt, sampleRate: 16_000, durationFrames: 0, source: "x",
            plan: MeetingPlan(mode: .rounds, participants: []))

        let metrics = FairnessMetrics(log)

        #expect(metrics.participants.isEmpty)
        #expect(metrics.gini == 0 && metrics.meeting.silenceSeconds == 0)
        #expect(ReportRenderer.render(metrics, as: .json).contains("\"gini\" : 0"))
    }
}

/// The longest monologue: one person's own speech, short pauses joined.
@Suite struct FairnessMetricsMonologueTests {
    @Test func pausesShorterThanTheLimitJoinAMonologue() {
        // Rounds: Dev speaks 191–230 and 232–248, a 2 s pause: one 57 s monologue.
        let rounds = FairnessMetrics(MeetingFixtures.rounds()).participants
        #expect(rounds.map(\.longestMonologueSeconds) == [48, 78, 0, 57])

        // Lapel: Ana 0–30 and 100–110 are two monologues; Caro's 42 s is the longest.
        let lapel = FairnessMetrics(MeetingFixtures.openFloorLapel()).participants
        #expect(lapel.map(\.longestMonologueSeconds) == [30, 32, 42])

        // A 3 s pause (longer than the 2.5 s limit) ends a monologue.
        var log = MeetingFixtures.rounds()
        log.segments[3] = MeetingFixtures.segment(3, 0, 233, 248)
        #expect(FairnessMetrics(log).participants[3].longestMonologueSeconds == 39)
    }

    @Test func sentencesNameTheGroupSizeAndTheLongestMonologue() {
        let sentences = FairnessMetrics(MeetingFixtures.openFloorLapel()).sentences

        #expect(sentences.last == "The longest monologue was Caro's: 42 s.")
        // Nobody is ten points off an equal share here; one room-only meeting has no monologue.
        #expect(!sentences.contains { $0.contains("in a group of") })
        #expect(!FairnessMetrics(MeetingFixtures.openFloorOneMic()).sentences.contains { $0.contains("monologue") })
    }
}

/// Which meetings have per-person shares.
@Suite struct FairnessMetricsRoomOnlyTests {
    @Test func openFloorWithImplicitChannelsStillHasPerPersonShares() {
        // `analyze` on a multichannel file without --channel-map leaves channels implicit
        // (channel i is participant i's), but the speech is credited to people.
        var log = MeetingFixtures.openFloorLapel()
        log.plan.participants = log.participants.map { Participant(name: $0.name) }

        let metrics = FairnessMetrics(log)

        #expect(metrics.meeting.perPersonShares)
        #expect(metrics.participants.map(\.speakingSeconds) == [40, 34, 42])
        #expect(!metrics.sentences.contains { $0.contains("room as a whole") })
        #expect(!FairnessMetrics(MeetingFixtures.openFloorOneMic()).meeting.perPersonShares)
    }
}
