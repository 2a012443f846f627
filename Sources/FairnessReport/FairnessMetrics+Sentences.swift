import Facilitation

extension FairnessMetrics {
    /// The plain sentences of a report, in this order: who was off the equal share or silent
    /// (or, with one shared microphone in open floor, why there are no per-person shares),
    /// overruns, interruptions, cross-talk, the longest turn, the longest monologue.
    static func sentences(for metrics: FairnessMetrics) -> [String] {
        var sentences: [String] = []
        let people = metrics.participants
        let meeting = metrics.meeting
        let credited = people.reduce(0) { $0 + $1.speakingSeconds }

        if !meeting.perPersonShares {
            sentences.append(
                "With one microphone in open floor, speech is counted for the room as a whole: "
                    + "\(ReportText.spoken(meeting.roomSpeechSeconds)) of \(ReportText.spoken(meeting.durationSeconds)). "
                    + "Per-person shares need rounds or one microphone per person.")
        } else if credited == 0 {
            sentences.append("No speech was credited to anyone.")
        } else {
            for person in people {
                if person.speakingSeconds == 0 {
                    sentences.append("\(person.name) did not speak.")
                } else if abs(person.difference) >= notableDifference - 1e-9 {
                    sentences.append(
                        "\(person.name) spoke \(ReportText.percent(person.share)) of the time in a group of "
                            + "\(ReportText.count(people.count)), where an equal share is "
                            + "\(ReportText.percent(person.equalShare)).")
                }
            }
            if meeting.roomSpeechSeconds >= minimumRoomSpeech {
                sentences.append(
                    "\(ReportText.spoken(meeting.roomSpeechSeconds)) of speech could not be credited to anyone "
                        + "and counts for the room.")
            }
        }

        let overruns = metrics.events.filter { $0.kind == .overrun }.count
        if overruns > 0 {
            let tally = ranked(people.map { ($0.name, $0.overruns) })
            sentences.append(
                "\(counted(overruns, "overrun")): \(tally.map { "\($0.name) (\($0.count))" }.joined(separator: ", ")).")
        }

        let interruptions = metrics.events.filter { $0.kind == .interruption }.count
        if interruptions > 0 {
            let tally = ranked(people.map { ($0.name, $0.interruptionsMade) })
            let head = counted(interruptions, "interruption")
            if let top = tally.first, tally.count == 1 || top.count > tally[1].count {
                if interruptions == 1 {
                    sentences.append("\(head), by \(top.name).")
                } else if top.count == interruptions {
                    sentences.append("\(head), all by \(top.name).")
                } else {
                    sentences.append("\(head), \(top.count) of them by \(top.name).")
                }
            } else if !tally.isEmpty {
                sentences.append("\(head): \(tally.map { "\($0.name) (\($0.count))" }.joined(separator: ", ")).")
            } else {
                sentences.append("\(head).")
            }
        }

        let crossTalks = metrics.events.filter { $0.kind == .crossTalk }.count
        if crossTalks > 0 {
            sentences.append(
                "Cross-talk: \(ReportText.spoken(metrics.crossTalkSeconds)) in \(counted(crossTalks, "stretch", plural: "stretches"))."
            )
        }

        if let longest = people.filter({ $0.turns > 0 }).max(by: { $0.longestTurnSeconds < $1.longestTurnSeconds }),
            longest.longestTurnSeconds > 0
        {
            sentences.append(
                "The longest turn was \(longest.name)'s: \(ReportText.spoken(longest.longestTurnSeconds)).")
        }
        if meeting.perPersonShares,
            let talker = people.max(by: { $0.longestMonologueSeconds < $1.longestMonologueSeconds }),
            talker.longestMonologueSeconds > 0
        {
            sentences.append(
                "The longest monologue was \(talker.name)'s: \(ReportText.spoken(talker.longestMonologueSeconds)).")
        }
        return sentences
    }

    /// Room speech shorter than this (seconds) is detector noise, not worth a sentence.
    static let minimumRoomSpeech = 1.0

    /// Names with a non-zero count, largest first (ties keep the plan's order).
    private static func ranked(_ counts: [(name: String, count: Int)]) -> [(name: String, count: Int)] {
        counts.enumerated()
            .filter { $0.element.count > 0 }
            .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
            .map(\.element)
    }

    /// "1 overrun", "3 overruns".
    private static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
