/// A group's standing arrangements, kept in `groups/NAME.json` so `record` and `facilitate`
/// need only `--group NAME`: who is in it and which microphone is whose, what it is for, what
/// it agreed, how its time is shared, how it is cued, who facilitates next.
///
/// A value type; reading and writing the file is the command line's job (see
/// `GroupFile.parse(_:file:)` and `jsonText`).
public struct GroupFile: Sendable, Equatable {
    /// A member and their microphone: a channel of the capture device(s), or a device of
    /// their own (one USB microphone each), or neither (one shared microphone).
    public struct Member: Sendable, Equatable {
        public var name: String
        public var channel: Int?
        public var device: String?

        public init(name: String, channel: Int? = nil, device: String? = nil) {
            self.name = name
            self.channel = channel
            self.device = device
        }
    }

    /// How the meeting is cued.
    public struct Chimes: Sendable, Equatable {
        public var enabled: Bool
        /// ALSA playback device.
        public var device: String
        /// 0 (silent) to 1 (full scale).
        public var volume: Double
        /// Also tick softly on cross-talk.
        public var crossTalk: Bool

        public init(enabled: Bool = true, device: String = "default", volume: Double = 0.5, crossTalk: Bool = false) {
            self.enabled = enabled
            self.device = device
            self.volume = volume
            self.crossTalk = crossTalk
        }
    }

    public var name: String
    /// What the group is for, in a sentence short enough to remember (12 words or fewer).
    public var purpose: String?
    /// The culture the facilitator guards ("one person speaks at a time", …).
    public var agreements: [String]
    public var members: [Member]
    public var mode: MeetingMode
    /// Seconds available for the meeting (rounds divide it equally).
    public var meetingLength: Double?
    /// Seconds per slot in rounds, instead of dividing the meeting length.
    public var slot: Double?
    /// Seconds before a slot's end that the warning sounds.
    public var warning: Double
    /// Open floor: seconds a single turn may run before it is an overrun.
    public var maxTurn: Double
    public var chimes: Chimes
    /// Who facilitates, in turn: the role rotates one meeting at a time.
    public var facilitators: [String]
    /// Review how the group is working after this many meetings.
    public var reviewAfter: Int
    /// Capture sample rate, if not the default.
    public var rate: Int?

    public init(
        name: String, purpose: String? = nil, agreements: [String] = [], members: [Member],
        mode: MeetingMode = .rounds, meetingLength: Double? = nil, slot: Double? = nil, warning: Double = 60,
        maxTurn: Double = 120, chimes: Chimes = Chimes(), facilitators: [String] = [], reviewAfter: Int = 6,
        rate: Int? = nil
    ) {
        self.name = name
        self.purpose = purpose
        self.agreements = agreements
        self.members = members
        self.mode = mode
        self.meetingLength = meetingLength
        self.slot = slot
        self.warning = warning
        self.maxTurn = maxTurn
        self.chimes = chimes
        self.facilitators = facilitators
        self.reviewAfter = reviewAfter
        self.rate = rate
    }

    /// A starting point for `turnkeeper group init NAME`: four members on channels 0–3.
    public static func template(name: String) -> GroupFile {
        GroupFile(
            name: name, purpose: "Peer support: each of us is heard, in equal time.",
            agreements: [
                "One person speaks at a time", "No advice unless asked for", "What is said here stays here",
            ],
            members: ["Ana", "Ben", "Caro", "Dev"].enumerated().map { Member(name: $0.element, channel: $0.offset) },
            mode: .rounds, meetingLength: 40 * 60, warning: 60, facilitators: ["Ana", "Ben", "Caro", "Dev"])
    }

    /// Capture devices named by members, in order of first mention; empty when members use
    /// channels of the devices given on the command line.
    public var devices: [String] {
        var seen: [String] = []
        for device in members.compactMap(\.device) where !seen.contains(device) { seen.append(device) }
        return seen
    }

    /// The meeting plan; with per-member devices, `channelsPerDevice` channels each, in
    /// `devices` order (a member's microphone is their device's first channel).
    public func plan(channelsPerDevice: Int = 1) -> MeetingPlan {
        let devices = self.devices
        let participants = members.map { member -> Participant in
            if let device = member.device, let index = devices.firstIndex(of: device) {
                return Participant(name: member.name, channel: index * channelsPerDevice)
            }
            return Participant(name: member.name, channel: member.channel)
        }
        return MeetingPlan(
            mode: mode, participants: participants, meetingLength: meetingLength, slotLength: slot,
            warningBefore: warning, maxTurn: maxTurn)
    }

    /// Who facilitates the next meeting, after `meetingsHeld` meetings of the group.
    public func facilitator(afterMeetings meetingsHeld: Int) -> String? {
        guard !facilitators.isEmpty else { return nil }
        return facilitators[max(0, meetingsHeld) % facilitators.count]
    }

    /// Whether the meeting about to start is a review meeting (every `reviewAfter`).
    public func isReviewDue(afterMeetings meetingsHeld: Int) -> Bool {
        reviewAfter > 0 && meetingsHeld > 0 && meetingsHeld % reviewAfter == 0
    }

    /// Things worth saying that do not stop the file being used.
    public var warnings: [String] {
        var notes: [String] = []
        if let purpose {
            let words = purpose.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
            if words > 12 {
                notes.append("the purpose has \(words) words; a purpose of 12 words or fewer is easier to remember")
            }
        }
        return notes
    }
}
