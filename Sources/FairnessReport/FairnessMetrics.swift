import Facilitation
import Foundation

/// Per-participant and per-meeting fairness numbers computed from a meeting's timings.
///
/// Shares are of the speech credited to participants (speech credited to the room as a whole
/// is counted apart, in ``MeetingInfo/roomSpeechSeconds``). Overlapping stretches are counted
/// once (unions), so a person heard on two channels at once does not speak twice as long.
public struct FairnessMetrics: Sendable, Codable, Equatable {
    public var meeting: MeetingInfo
    /// One entry per participant of the plan, in the plan's order.
    public var participants: [ParticipantMetrics]
    /// Gini coefficient of the participants' speaking seconds (everyone in the plan, silent
    /// ones included): 0 when all spoke equally (or nobody did), towards 1 when one person
    /// did all the talking.
    public var gini: Double
    /// Seconds during which any cross-talk event was running (their union).
    public var crossTalkSeconds: Double
    /// The meeting's events, in time order.
    public var events: [Event]
    /// Plain sentences for the people in the room (see ``init(_:)``).
    public var sentences: [String]

    /// A difference from the equal share at least this large (in share, 0.10 = ten points) is
    /// worth a sentence.
    public static let notableDifference = 0.10

    /// Pauses shorter than this (seconds) do not end a monologue.
    public static let monologuePause = 2.5

    /// The meeting as a whole.
    public struct MeetingInfo: Sendable, Codable, Equatable {
        public var id: Int64?
        public var startedAt: Date
        public var durationSeconds: Double
        public var mode: MeetingMode
        public var source: String
        public var status: MeetingStatus
        /// Seconds during which anybody (or the room) was speaking: the union of all segments.
        public var speechSeconds: Double
        /// The rest of the meeting.
        public var silenceSeconds: Double
        /// Seconds of speech credited to the room as a whole (one microphone, open floor).
        public var roomSpeechSeconds: Double
        /// `false` in open floor with one shared microphone: nothing tells voices apart there,
        /// speech is the room's and the per-person shares are all zero.
        public var perPersonShares: Bool
    }

    /// One participant's numbers.
    public struct ParticipantMetrics: Sendable, Codable, Equatable {
        public var name: String
        public var speakingSeconds: Double
        /// Part of all speech credited to participants, 0…1 (0 when nobody was credited).
        public var share: Double
        /// 1 / number of participants in the plan.
        public var equalShare: Double
        /// `share - equalShare`: positive means more than an equal share.
        public var difference: Double
        /// Number of turns held (slots in rounds, holds of the floor in open floor).
        public var turns: Int
        public var longestTurnSeconds: Double
        /// The longest stretch of this person's own speech, pauses shorter than
        /// ``FairnessMetrics/monologuePause`` joined: what people feel as a monologue (in
        /// rounds a turn is a whole slot, pauses and all).
        public var longestMonologueSeconds: Double
        /// Overrun events naming this participant.
        public var overruns: Int
        /// Seconds of cross-talk events this participant was in (their union).
        public var crossTalkSeconds: Double
        public var interruptionsMade: Int
        public var interruptionsReceived: Int
        /// When they arrived, from the attendance record; `nil` when not recorded.
        public var arrivedAtSeconds: Double?
    }

    /// An event, in seconds and with participants named.
    public struct Event: Sendable, Codable, Equatable {
        public var kind: EventKind
        public var atSeconds: Double
        /// End of a cross-talk event; `nil` for instants.
        public var endSeconds: Double?
        public var participants: [String]
        /// A note for device trouble; absent for the tracker's events.
        public var detail: String?
    }

    /// Computes the numbers for `log`.
    public init(_ log: MeetingLog) {
        let count = log.participants.count
        let seconds = { (frames: Int64) in log.seconds(frames) }
        let name = { (index: Int) in
            log.participants.indices.contains(index) ? log.participants[index].name : "participant \(index + 1)"
        }
        let crossTalks = log.events.filter { $0.kind == .crossTalk }
        let interruptions = log.events.filter { $0.kind == .interruption && $0.participants.count >= 2 }

        var speaking = [Double](repeating: 0, count: count)
        for index in 0..<count {
            speaking[index] = seconds(
                IntervalUnion.length(log.segments.filter { $0.participant == index }.map { ($0.start, $0.end) }))
        }
        let credited = speaking.reduce(0, +)
        let equalShare = count > 0 ? 1 / Double(count) : 0

        participants = (0..<count).map { index in
            let turns = log.turns.filter { $0.holder == index }
            let share = credited > 0 ? speaking[index] / credited : 0
            return ParticipantMetrics(
                name: name(index),
                speakingSeconds: speaking[index],
                share: share,
                equalShare: equalShare,
                difference: share - equalShare,
                turns: turns.count,
                longestTurnSeconds: seconds(turns.map { $0.end - $0.start }.max() ?? 0),
                longestMonologueSeconds: seconds(
                    IntervalUnion.longestRun(
                        log.segments.filter { $0.participant == index }.map { ($0.start, $0.end) },
                        joiningGapsBelow: Int64(Self.monologuePause * Double(log.sampleRate)))),
                overruns: log.events.filter { $0.kind == .overrun && $0.participants.contains(index) }.count,
                crossTalkSeconds: seconds(
                    IntervalUnion.length(
                        crossTalks.filter { $0.participants.contains(index) }.map { ($0.start, $0.end ?? $0.start) })),
                interruptionsMade: interruptions.filter { $0.participants[0] == index }.count,
                interruptionsReceived: interruptions.filter { $0.participants[1] == index }.count,
                arrivedAtSeconds: log.attendance.first { $0.participant == index && $0.arrivedAt != nil }?
                    .arrivedAt.map(seconds))
        }

        let speech = seconds(IntervalUnion.length(log.segments.map { ($0.start, $0.end) }))
        meeting = MeetingInfo(
            id: log.id, startedAt: log.startedAt, durationSeconds: log.durationSeconds, mode: log.mode,
            source: log.source, status: log.status, speechSeconds: speech,
            silenceSeconds: max(0, log.durationSeconds - speech),
            roomSpeechSeconds: seconds(
                IntervalUnion.length(
                    log.segments.filter { $0.participant == nil }.map { ($0.start, $0.end) })),
            perPersonShares: !Self.isRoomOnly(log))
        gini = Self.gini(speaking)
        crossTalkSeconds = seconds(IntervalUnion.length(crossTalks.map { ($0.start, $0.end ?? $0.start) }))
        events = log.events.enumerated()
            .sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
            .map { _, event in
                Event(
                    kind: event.kind, atSeconds: seconds(event.start), endSeconds: event.end.map(seconds),
                    participants: event.participants.map(name), detail: event.detail)
            }
        sentences = []
        sentences = Self.sentences(for: self)
    }

    /// Gini coefficient: the mean absolute difference between all pairs, over twice the mean.
    /// 0 for no values or no speech.
    public static func gini(_ values: [Double]) -> Double {
        let total = values.reduce(0, +)
        guard !values.isEmpty, total > 0 else { return 0 }
        var differences = 0.0
        for a in values {
            for b in values { differences += abs(a - b) }
        }
        return differences / (2 * Double(values.count) * total)
    }

    /// Open floor with one shared microphone: nothing tells voices apart, so speech belongs
    /// to the room and per-person numbers mean nothing. A plan may leave channels implicit
    /// (channel i is participant i's), so speech credited to a person also counts as proof of
    /// one microphone each.
    static func isRoomOnly(_ log: MeetingLog) -> Bool {
        log.mode == .open && log.participants.allSatisfy { $0.channel == nil }
            && !log.segments.contains { $0.participant != nil }
    }
}
