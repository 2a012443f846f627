import Foundation

extension SeriesMetrics {
    /// The review a group holds after its first run of meetings: three questions, each with
    /// a verdict and the numbers behind it in plain words.
    ///
    /// It covers the first ``Options/reviewAfter`` meetings of the series (all of them while
    /// there are fewer; ``due`` is then `false` and the verdicts are provisional).
    public struct Review: Sendable, Codable, Equatable {
        /// `true` once the series holds at least ``reviewAfter`` meetings.
        public var due: Bool
        public var reviewAfter: Int
        public var meetingsCovered: Int
        public var giniBound: Double
        /// Is time balanced? Does everyone attend and arrive on time? Has the group moved
        /// toward equal time? In this order.
        public var items: [Item]

        public struct Item: Sendable, Codable, Equatable {
            /// `balance`, `attendance` or `trend`.
            public var topic: String
            public var question: String
            public var verdict: Verdict
            /// The answer in plain words, with its numbers.
            public var finding: String
            /// The numbers behind the verdict, by name (e.g. `meanGini`, `firstHalfGini`).
            public var numbers: [String: Double]
        }

        public enum Verdict: String, Sendable, Codable, Equatable {
            case yes, no
            /// Too few meetings to say.
            case unclear
        }

        init(meetings all: [Meeting], memberNames: [String], options: Options) {
            let meetings = Array(all.prefix(max(options.reviewAfter, 1)))
            due = all.count >= options.reviewAfter
            reviewAfter = options.reviewAfter
            meetingsCovered = meetings.count
            giniBound = options.giniBound
            items = [
                Self.balance(meetings, bound: options.giniBound), Self.attendance(meetings, memberNames),
                Self.trend(meetings, bound: options.giniBound),
            ]
        }

        /// Tolerance in Gini under which two halves count as the same.
        static let steadyGini = 0.02

        static func balance(_ meetings: [Meeting], bound: Double) -> Item {
            let question = "Is time balanced?"
            let measured = meetings.filter(\.perPersonShares)
            guard !measured.isEmpty else {
                return Item(
                    topic: "balance", question: question, verdict: .unclear,
                    finding: "No meeting measured each person's time, so balance cannot be judged.", numbers: [:])
            }
            let mean = measured.map(\.gini).reduce(0, +) / Double(measured.count)
            let worst = measured.map(\.gini).max() ?? 0
            let over = measured.filter { $0.gini >= bound }.count
            let numbers = ["meanGini": mean, "highestGini": worst, "meetingsAboveBound": Double(over)]
            let span = "over \(counted(measured.count, "meeting"))"
            if mean < bound {
                return Item(
                    topic: "balance", question: question, verdict: .yes,
                    finding: "Yes: the mean Gini \(span) is \(ReportText.fixed(mean, digits: 2)), below "
                        + "\(ReportText.fixed(bound, digits: 2)) (0 is perfectly equal); "
                        + "\(wentAbove(over, of: measured.count)).", numbers: numbers)
            }
            return Item(
                topic: "balance", question: question, verdict: .no,
                finding: "No: the mean Gini \(span) is \(ReportText.fixed(mean, digits: 2)), not below "
                    + "\(ReportText.fixed(bound, digits: 2)); \(wentAbove(over, of: measured.count)).",
                numbers: numbers)
        }

        static func attendance(_ meetings: [Meeting], _ names: [String]) -> Item {
            let question = "Does everyone attend and arrive on time?"
            guard !meetings.isEmpty else {
                return Item(
                    topic: "attendance", question: question, verdict: .unclear, finding: "No meetings yet.",
                    numbers: [:])
            }
            var problems: [String] = []
            var absences = 0
            var lateness = 0
            for (index, name) in names.enumerated() {
                let missed = meetings.filter { !$0.members[index].present }.count
                let late = meetings.filter { $0.members[index].late }.count
                absences += missed
                lateness += late
                if missed > 0 { problems.append("\(name) missed \(missed) of \(meetings.count)") }
                if late > 0 { problems.append("\(name) arrived late \(times(late))") }
            }
            let numbers = ["absences": Double(absences), "lateArrivals": Double(lateness)]
            if problems.isEmpty {
                return Item(
                    topic: "attendance", question: question, verdict: .yes,
                    finding: "Yes: everyone attended \(every(meetings.count)) and arrived on time.",
                    numbers: numbers)
            }
            return Item(
                topic: "attendance", question: question, verdict: .no,
                finding: "No: " + problems.joined(separator: "; ") + ".", numbers: numbers)
        }

        static func trend(_ meetings: [Meeting], bound: Double) -> Item {
            let question = "Has the group moved toward equal time?"
            let measured = meetings.filter(\.perPersonShares)
            guard measured.count >= 2 else {
                return Item(
                    topic: "trend", question: question, verdict: .unclear,
                    finding: "Too few meetings to see a trend (two or more are needed).", numbers: [:])
            }
            // Halves of the meetings; with an odd count the middle one belongs to neither.
            let half = measured.count / 2
            let first = measured.prefix(half).map(\.gini)
            let second = measured.suffix(half).map(\.gini)
            let before = first.reduce(0, +) / Double(first.count)
            let after = second.reduce(0, +) / Double(second.count)
            let numbers = ["firstHalfGini": before, "secondHalfGini": after]
            let words =
                "the mean Gini went from \(ReportText.fixed(before, digits: 2)) in the first \(span(half)) to "
                + "\(ReportText.fixed(after, digits: 2)) in the last \(span(half))"
            if after < before - steadyGini {
                return Item(
                    topic: "trend", question: question, verdict: .yes, finding: "Yes: \(words).", numbers: numbers)
            }
            if after > before + steadyGini {
                return Item(
                    topic: "trend", question: question, verdict: .no,
                    finding: "No, away from it: \(words).", numbers: numbers)
            }
            // Steady and already balanced is as good as moving toward equal time.
            let verdict: Verdict = after < bound ? .yes : .no
            return Item(
                topic: "trend", question: question, verdict: verdict,
                finding: (verdict == .yes ? "It stayed close to equal: " : "No, it stayed about the same: ")
                    + "\(words).",
                numbers: numbers)
        }

        static func counted(_ count: Int, _ noun: String) -> String {
            "\(ReportText.count(count)) \(count == 1 ? noun : noun + "s")"
        }

        /// "none went above it", "one meeting went above it", "both went above it", "all six went above it"
        /// (of one meeting: "that meeting went above it").
        static func wentAbove(_ over: Int, of count: Int) -> String {
            if over == 0 { return "none went above it" }
            if over < count { return "\(counted(over, "meeting")) went above it" }
            switch count {
            case 1: return "that meeting went above it"
            case 2: return "both went above it"
            default: return "all \(ReportText.count(count)) went above it"
            }
        }

        /// "the meeting", "both meetings", "all three meetings".
        static func every(_ count: Int) -> String {
            count == 1 ? "the meeting" : count == 2 ? "both meetings" : "all \(counted(count, "meeting"))"
        }

        /// After "the first" or "the last": "meeting", "three meetings".
        static func span(_ count: Int) -> String {
            count == 1 ? "meeting" : counted(count, "meeting")
        }

        static func times(_ count: Int) -> String {
            count == 1 ? "once" : count == 2 ? "twice" : "\(ReportText.count(count)) times"
        }
    }
}
