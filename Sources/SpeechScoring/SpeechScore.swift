import Foundation

/// How well a hypothesis (a detector's RTTM) matches a reference (human or synthetic labels):
/// speech detection, each speaker's speaking time, and overlap (cross-talk).
///
/// Computed exactly as the shared evaluation kit's `score.py` does, so numbers can be compared:
/// time-based scores in seconds over `[0, duration]` minus a collar of ±`collar` s around the
/// relevant reference boundaries; undefined ratios are `nil`.
public struct SpeechScore: Sendable, Codable, Equatable {
    public var collar: Double
    public var detection: Detection
    /// Per reference speaker; empty when the hypothesis has fewer than two speaker labels.
    public var speakingTime: [SpeakerTime]
    /// Hypothesis speakers no reference speaker was mapped to, and their speech seconds.
    public var unmappedHypothesisSpeakers: [String: Double]
    public var overlap: Overlap

    public struct Detection: Sendable, Codable, Equatable {
        public var scoredSeconds, referenceSpeechSeconds, hypothesisSpeechSeconds: Double
        public var precision, recall, f1, accuracy: Double?
        /// Missed speech and false alarm as fractions of reference speech; their sum is the
        /// detection error rate.
        public var missRate, falseAlarmRate, falsePositiveRate, detectionErrorRate: Double?
        /// The same on a 10 ms grid, each frame labelled at its centre.
        public var frameF1: Double?
    }

    public struct SpeakerTime: Sendable, Codable, Equatable {
        public var reference: String
        public var hypothesis: String?
        public var referenceSeconds, hypothesisSeconds: Double
        public var errorSeconds: Double { abs(hypothesisSeconds - referenceSeconds) }
        /// Error as a percentage of the reference time; nil when the reference is empty.
        public var errorPercent: Double? { referenceSeconds > 0 ? 100 * errorSeconds / referenceSeconds : nil }
    }

    public struct Overlap: Sendable, Codable, Equatable {
        public var referenceSeconds, hypothesisSeconds: Double
        public var referenceIntervals, hypothesisIntervals: Int
        public var timePrecision, timeRecall, timeF1: Double?
        /// An interval is a hit when it meets any interval of the other side.
        public var intervalPrecision, intervalRecall: Double?
    }

    /// Scores `hypothesis` against `reference` over `[0, duration]` with the given collar.
    public init(reference: [String: [Interval]], hypothesis: [String: [Interval]], duration: Double, collar: Double) {
        let refLists = reference.keys.sorted().map { reference[$0] ?? [] }
        let hypLists = hypothesis.keys.sorted().map { hypothesis[$0] ?? [] }
        let refUnion = Intervals.countAtLeast(refLists, 1)
        let hypUnion = Intervals.countAtLeast(hypLists, 1)
        self.collar = collar
        self.detection = Self.detection(refUnion, hypUnion, duration: duration, collar: collar)
        if hypothesis.count >= 2 {
            (speakingTime, unmappedHypothesisSpeakers) = Self.speakingTime(reference, hypothesis, duration: duration, collar: collar)
        } else {
            (speakingTime, unmappedHypothesisSpeakers) = ([], [:])
        }
        overlap = Self.overlap(Intervals.countAtLeast(refLists, 2), Intervals.countAtLeast(hypLists, 2), duration: duration, collar: collar)
    }

    /// The scored region: `[0, duration]` minus the collar around `reference`.
    static func scored(_ reference: [Interval], duration: Double, collar: Double) -> [Interval] {
        Intervals.subtract([Interval(0, duration)], Intervals.collarZone(reference, collar))
    }

    static func prf(_ tp: Double, _ fp: Double, _ fn: Double) -> (Double?, Double?, Double?) {
        let p = tp + fp > 0 ? tp / (tp + fp) : nil
        let r = tp + fn > 0 ? tp / (tp + fn) : nil
        let f: Double?
        if tp > 0, let p, let r { f = 2 * p * r / (p + r) } else { f = fp > 0 || fn > 0 ? 0 : nil }
        return (p, r, f)
    }

    static func detection(_ refUnion: [Interval], _ hypUnion: [Interval], duration: Double, collar: Double) -> Detection {
        let region = scored(refUnion, duration: duration, collar: collar)
        let ref = Intervals.intersect(refUnion, region)
        let hyp = Intervals.intersect(Intervals.merge(hypUnion), region)
        let tp = Intervals.total(Intervals.intersect(ref, hyp))
        let fn = Intervals.total(ref) - tp
        let fp = Intervals.total(hyp) - tp
        let scoredSeconds = Intervals.total(region)
        let tn = scoredSeconds - tp - fn - fp
        let (p, r, f) = prf(tp, fp, fn)
        let refSpeech = tp + fn
        return Detection(
            scoredSeconds: scoredSeconds, referenceSpeechSeconds: refSpeech, hypothesisSpeechSeconds: tp + fp,
            precision: p, recall: r, f1: f, accuracy: scoredSeconds > 0 ? (tp + tn) / scoredSeconds : nil,
            missRate: refSpeech > 0 ? fn / refSpeech : nil, falseAlarmRate: refSpeech > 0 ? fp / refSpeech : nil,
            falsePositiveRate: fp + tn > 0 ? fp / (fp + tn) : nil,
            detectionErrorRate: refSpeech > 0 ? (fn + fp) / refSpeech : nil,
            frameF1: frameF1(refUnion, hypUnion, region: region, duration: duration))
    }

    static func frameF1(_ ref: [Interval], _ hyp: [Interval], region: [Interval], duration: Double) -> Double? {
        let frame = 0.01
        let n = Int((duration / frame).rounded(.down))
        guard n > 0 else { return nil }
        func labels(_ intervals: [Interval]) -> [Bool] {
            var marks = [Bool](repeating: false, count: n)
            for interval in intervals {
                let lo = max(0, Int((interval.start / frame - 0.5).rounded(.up)))
                let hi = min(n, max(0, Int((interval.end / frame - 0.5).rounded(.up))))
                if lo < hi { for i in lo..<hi { marks[i] = true } }
            }
            return marks
        }
        let keep = labels(region)
        let r = labels(ref)
        let h = labels(hyp)
        var tp = 0.0, fp = 0.0, fn = 0.0
        for i in 0..<n where keep[i] {
            if r[i] && h[i] { tp += 1 } else if h[i] { fp += 1 } else if r[i] { fn += 1 }
        }
        return prf(tp, fp, fn).2
    }

    static func speakingTime(
        _ reference: [String: [Interval]], _ hypothesis: [String: [Interval]], duration: Double, collar: Double
    ) -> ([SpeakerTime], [String: Double]) {
        let refNames = reference.keys.sorted()
        let hypNames = hypothesis.keys.sorted()
        var mapping: [String: String] = [:]  // hypothesis -> reference
        if Set(hypNames).isSubset(of: Set(refNames)) {
            for name in hypNames { mapping[name] = name }
        } else {
            let weights = refNames.map { r in
                hypNames.map { h in Intervals.total(Intervals.intersect(reference[r] ?? [], hypothesis[h] ?? [])) }
            }
            for (row, column) in SpeakerAssignment.maximize(weights).enumerated() {
                if let column, weights[row][column] > 0 { mapping[hypNames[column]] = refNames[row] }
            }
        }
        let inverse = Dictionary(mapping.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = refNames.map { name -> SpeakerTime in
            let region = scored(reference[name] ?? [], duration: duration, collar: collar)
            let refSeconds = Intervals.total(Intervals.intersect(reference[name] ?? [], region))
            let hypName = inverse[name]
            let hypSeconds = hypName.map { Intervals.total(Intervals.intersect(hypothesis[$0] ?? [], region)) } ?? 0
            return SpeakerTime(reference: name, hypothesis: hypName, referenceSeconds: refSeconds, hypothesisSeconds: hypSeconds)
        }
        var extra: [String: Double] = [:]
        for name in hypNames where mapping[name] == nil { extra[name] = Intervals.total(hypothesis[name] ?? []) }
        return (rows, extra)
    }

    static func overlap(_ refOverlap: [Interval], _ hypOverlap: [Interval], duration: Double, collar: Double) -> Overlap {
        let region = scored(refOverlap, duration: duration, collar: collar)
        let r = Intervals.intersect(refOverlap, region)
        let h = Intervals.intersect(hypOverlap, region)
        let tp = Intervals.total(Intervals.intersect(r, h))
        let (p, rc, f) = prf(tp, Intervals.total(h) - tp, Intervals.total(r) - tp)
        let hitR = r.filter { !Intervals.intersect([$0], h).isEmpty }.count
        let hitH = h.filter { !Intervals.intersect([$0], r).isEmpty }.count
        return Overlap(
            referenceSeconds: Intervals.total(r), hypothesisSeconds: Intervals.total(h),
            referenceIntervals: r.count, hypothesisIntervals: h.count, timePrecision: p, timeRecall: rc, timeF1: f,
            intervalPrecision: h.isEmpty ? nil : Double(hitH) / Double(h.count),
            intervalRecall: r.isEmpty ? nil : Double(hitR) / Double(r.count))
    }
}
