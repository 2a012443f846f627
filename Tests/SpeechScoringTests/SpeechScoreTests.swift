import SpeechScoring
import Testing

@Suite struct SpeechScoreTests {
    let ref: [String: [Interval]] = ["ana": [Interval(1, 5), Interval(8, 10)], "ben": [Interval(4, 7)]]

    @Test func perfectHypothesisScoresOne() {
        let score = SpeechScore(reference: ref, hypothesis: ref, duration: 12, collar: 0)
        #expect(score.detection.f1 == 1)
        #expect(score.detection.detectionErrorRate == 0)
        #expect(score.speakingTime.allSatisfy { $0.errorSeconds == 0 })
        #expect(score.overlap.intervalPrecision == 1 && score.overlap.intervalRecall == 1)
        #expect(score.overlap.referenceSeconds == 1)
    }

    @Test func missAndFalseAlarmAreFractionsOfReferenceSpeech() {
        // Reference speech is 1–7 and 8–10 (8 s). Hypothesis: 2–7 (misses 1 s) and 11–12 (1 s false alarm).
        let score = SpeechScore(reference: ref, hypothesis: ["x": [Interval(2, 7), Interval(11, 12)]], duration: 12, collar: 0)
        #expect(abs((score.detection.missRate ?? 0) - 3.0 / 8) < 1e-12)  // 1–2 and 8–10
        #expect(abs((score.detection.falseAlarmRate ?? 0) - 1.0 / 8) < 1e-12)
        #expect(abs((score.detection.precision ?? 0) - 5.0 / 6) < 1e-12)
        #expect(score.speakingTime.isEmpty)  // one label: no per-speaker scoring
    }

    @Test func collarRemovesTimeAroundReferenceBoundaries() {
        let late = ["x": [Interval(1.2, 7), Interval(8, 10)]]
        #expect((SpeechScore(reference: ref, hypothesis: late, duration: 12, collar: 0).detection.f1 ?? 1) < 1)
        #expect(SpeechScore(reference: ref, hypothesis: late, duration: 12, collar: 0.25).detection.f1 == 1)
    }

    @Test func speakersWithOtherNamesAreMatchedByOverlap() {
        let hyp = ["p": [Interval(4, 7)], "q": [Interval(1, 5), Interval(8, 9)]]
        let score = SpeechScore(reference: ref, hypothesis: hyp, duration: 12, collar: 0)
        let ana = score.speakingTime.first { $0.reference == "ana" }
        #expect(ana?.hypothesis == "q")
        #expect(ana?.errorSeconds == 1)
        #expect(abs((ana?.errorPercent ?? 0) - 100.0 / 6) < 1e-9)
        #expect(score.speakingTime.first { $0.reference == "ben" }?.hypothesis == "p")
    }

    @Test func intervalArithmeticMatchesHandComputation() {
        let a = [Interval(0, 4), Interval(6, 10)]
        let b = [Interval(3, 7)]
        #expect(Intervals.intersect(a, b) == [Interval(3, 4), Interval(6, 7)])
        #expect(Intervals.subtract(a, b) == [Interval(0, 3), Interval(7, 10)])
        #expect(Intervals.countAtLeast([a, b], 2) == [Interval(3, 4), Interval(6, 7)])
        #expect(Intervals.merge([Interval(5, 6), Interval(0, 2), Interval(1, 3)]) == [Interval(0, 3), Interval(5, 6)])
        #expect(Intervals.collarZone([Interval(2, 5)], 0.5) == [Interval(1.5, 2.5), Interval(4.5, 5.5)])
    }
}

@Suite struct RTTMTests {
    @Test func readsSpeakerLinesAndMergesEachSpeaker() throws {
        let text = """
            SPEAKER m 1 1.00 2.00 <NA> <NA> ana <NA> <NA>
            SPEAKER m 1 2.50 1.00 <NA> <NA> ana <NA> <NA>
            SPEAKER other 1 0.00 9.00 <NA> <NA> ben <NA> <NA>
            ;; a comment
            """
        let all = try RTTM(text: text, source: "t.rttm")
        #expect(all.speakers["ana"] == [Interval(1, 3.5)])
        #expect(all.fileIDs == ["m", "other"])
        #expect(try RTTM(text: text, source: "t.rttm", fileID: "m").speakers.keys.sorted() == ["ana"])
    }

    @Test func malformedLineNamesTheFileAndLine() {
        #expect(throws: RTTM.ParseError.self) { try RTTM(text: "SPEAKER m 1 x 2 <NA> <NA> ana", source: "bad.rttm") }
        do {
            _ = try RTTM(text: "\nSPEAKER m 1 1 -2 <NA> <NA> ana", source: "bad.rttm")
        } catch {
            #expect(error.description.hasPrefix("bad.rttm line 2"))
        }
    }
}
