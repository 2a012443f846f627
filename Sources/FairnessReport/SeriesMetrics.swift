import Facilitation
import Foundation

/// A group's meetings side by side: each meeting's Gini and each member's share, attendance
/// and lateness per member, who facilitated and who should next, and the review a group holds
/// after its first run of meetings.
///
/// A member is absent from a meeting when they are not in its plan, or have no speech and no
/// arrival in it; late when they arrived more than ``Options/lateAfter`` after the start.
/// Shares are of the speech credited to participants, as in ``FairnessMetrics``; a member's
/// mean share is over the meetings they attended whose shares are per person.
public struct SeriesMetrics: Sendable, Codable, Equatable {
    public var group: String
    /// Oldest first.
    public var meetings: [Meeting]
    /// In the order they joined the group.
    public var members: [Member]
    /// The member who has facilitated least recently (one who never has comes first);
    /// `nil` without members.
    public var nextFacilitator: String?
    /// Every member, next facilitator first: the rotation from here on.
    public var rotation: [String]
    public var review: Review
    public var lateAfterSeconds: Double

    /// What the series is computed with.
    public struct Options: Sendable, Equatable {
        /// Arriving later than this (seconds after the start) is late. Default five minutes.
        public var lateAfter: Double
        /// The review covers the group's first run of this many meetings. Default six.
        public var reviewAfter: Int
        /// Time is balanced when the mean Gini stays below this. Default 0.2.
        public var giniBound: Double

        public init(lateAfter: Double = 300, reviewAfter: Int = 6, giniBound: Double = 0.2) {
            self.lateAfter = lateAfter
            self.reviewAfter = reviewAfter
            self.giniBound = giniBound
        }
    }

    /// One meeting of the series.
    public struct Meeting: Sendable, Codable, Equatable {
        public var id: Int64?
        public var startedAt: Date
        public var gini: Double
        public var facilitator: String?
        public var durationSeconds: Double
        /// 1 / the number of people in the meeting's plan.
        public var equalShare: Double
        /// `false` with one shared microphone in open floor: no per-person shares.
        public var perPersonShares: Bool
        /// One entry per member of the group, in the members' order.
        public var members: [Presence]
    }

    /// A member in one meeting.
    public struct Presence: Sendable, Codable, Equatable {
        public var name: String
        public var present: Bool
        public var late: Bool
        /// Share of the meeting's credited speech; `nil` when absent or not measured per person.
        public var share: Double?
        public var arrivedAtSeconds: Double?
    }

    /// A member across the series.
    public struct Member: Sendable, Codable, Equatable {
        public var name: String
        public var meetingsAttended: Int
        public var meetingsMissed: Int
        public var timesLate: Int
        /// Mean share over the meetings attended with per-person shares; 0 when there were none.
        public var meanShare: Double
        public var timesFacilitated: Int
        /// When they last facilitated; `nil` if never.
        public var lastFacilitated: Date?
    }

    /// The series of `meetings` (any order; sorted oldest first) of the group `group`, whose
    /// members are `members` (people in the meetings who are not listed are added after them).
    public init(group: String, members: [String], meetings logs: [MeetingLog], options: Options = Options()) {
        let logs = logs.enumerated().sorted { ($0.element.startedAt, $0.offset) < ($1.element.startedAt, $1.offset) }
            .map(\.element)
        var names = members
        for log in logs {
            for person in log.participants where !names.contains(person.name) { names.append(person.name) }
        }
        self.group = group
        self.lateAfterSeconds = options.lateAfter
        self.meetings = logs.map { log in
            let metrics = FairnessMetrics(log)
            let presences = names.map { name -> Presence in
                guard let index = log.participants.firstIndex(where: { $0.name == name }) else {
                    return Presence(name: name, present: false, late: false, share: nil, arrivedAtSeconds: nil)
                }
                let person = metrics.participants[index]
                let present = person.speakingSeconds > 0 || person.arrivedAtSeconds != nil
                let late = present && (person.arrivedAtSeconds ?? 0) > options.lateAfter
                let share = present && metrics.meeting.perPersonShares ? person.share : nil
                return Presence(
                    name: name, present: present, late: late, share: share, arrivedAtSeconds: person.arrivedAtSeconds)
            }
            return Meeting(
                id: log.id, startedAt: log.startedAt, gini: metrics.gini, facilitator: log.facilitator,
                durationSeconds: log.durationSeconds,
                equalShare: log.participants.isEmpty ? 0 : 1 / Double(log.participants.count),
                perPersonShares: metrics.meeting.perPersonShares, members: presences)
        }
        let meetings = self.meetings
        self.members = names.enumerated().map { index, name in
            let presences = meetings.map { $0.members[index] }
            let shares = presences.compactMap(\.share)
            let led = meetings.filter { $0.facilitator == name }
            return Member(
                name: name, meetingsAttended: presences.filter(\.present).count,
                meetingsMissed: presences.filter { !$0.present }.count, timesLate: presences.filter(\.late).count,
                meanShare: shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count),
                timesFacilitated: led.count, lastFacilitated: led.last?.startedAt)
        }
        self.rotation = Self.rotation(members: self.members, meetings: meetings)
        self.nextFacilitator = rotation.first
        self.review = Review(meetings: meetings, memberNames: names, options: options)
    }

    /// Members ordered by when they last facilitated: never first (in the members' order),
    /// then the longest ago. Facilitating is counted by meeting order, so two meetings on the
    /// same day still rank.
    static func rotation(members: [Member], meetings: [Meeting]) -> [String] {
        let lastLed = members.map { member in meetings.lastIndex { $0.facilitator == member.name } ?? -1 }
        return members.indices.sorted { (lastLed[$0], $0) < (lastLed[$1], $1) }.map { members[$0].name }
    }
}

// The agreed keys are always present: a missing facilitator or next facilitator is `null`,
// not an absent key (decoding is the synthesized one, which reads `null` as `nil`).
extension SeriesMetrics {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(meetings, forKey: .meetings)
        try container.encode(members, forKey: .members)
        try container.encode(nextFacilitator, forKey: .nextFacilitator)
        try container.encode(rotation, forKey: .rotation)
        try container.encode(review, forKey: .review)
        try container.encode(lateAfterSeconds, forKey: .lateAfterSeconds)
    }
}

extension SeriesMetrics.Meeting {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(gini, forKey: .gini)
        try container.encode(facilitator, forKey: .facilitator)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(equalShare, forKey: .equalShare)
        try container.encode(perPersonShares, forKey: .perPersonShares)
        try container.encode(members, forKey: .members)
    }
}
