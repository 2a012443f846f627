import ArgumentParser
import Facilitation

extension MeetingMode: ExpressibleByArgument {}

/// Parses a duration option (`90s`, `5m`, `1h30m`), reporting what is wrong with it.
func parseDuration(_ text: String) throws -> Double {
    do {
        return try DurationText.seconds(from: text)
    } catch {
        throw ValidationError(error.description)
    }
}

/// Who is in the meeting and how its time is shared.
struct PlanOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Who is in the meeting, comma-separated, in speaking order.",
        discussion: "With one microphone per person, the first name is channel 0's, the second channel 1's, and so on (or see --channel-map). Default: Speaker 1, Speaker 2, … one per channel.",
        valueName: "names"))
    var participants: String?

    @Option(help: ArgumentHelp(
        "How time is shared: rounds (equal slots in order) or open (open floor).", valueName: "mode"))
    var mode: MeetingMode = .rounds

    @Option(
        name: .customLong("meeting-length"),
        parsing: .unconditional,
        help: ArgumentHelp(
            "Time available for the whole meeting, e.g. 20m or 1h30m; rounds divide it equally. Default: the recording's length.",
            valueName: "duration"),
        transform: parseDuration)
    var meetingLength: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Each person's slot in rounds, e.g. 5m (instead of dividing the meeting length).", valueName: "duration"),
        transform: parseDuration)
    var slot: Double?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Warn this long before a slot ends.", valueName: "duration"),
        transform: parseDuration)
    var warning: Double = 60

    @Option(
        name: .customLong("max-turn"),
        parsing: .unconditional,
        help: ArgumentHelp("Open floor: a single turn longer than this is an overrun.", valueName: "duration"),
        transform: parseDuration)
    var maxTurn: Double = 120

    @Option(
        name: .customLong("channel-map"),
        help: ArgumentHelp(
            "Which channel is whose microphone, e.g. \"Ana=2,Ben=0\" (channels count from 0).",
            valueName: "map"))
    var channelMap: String?

    @Option(help: ArgumentHelp("The group this meeting belongs to (meetings of a group form a series).", valueName: "name"))
    var group: String?

    @Option(help: ArgumentHelp("Who facilitated this meeting.", valueName: "name"))
    var facilitator: String?

    /// The plan for audio with `channelCount` channels lasting `audioSeconds`.
    func plan(channelCount: Int, audioSeconds: Double) throws -> MeetingPlan {
        var people: [Participant]
        do {
            if let participants {
                people = try ParticipantList.parse(participants)
            } else {
                people = (1...max(channelCount, 1)).map { Participant(name: "Speaker \($0)") }
            }
            if let channelMap {
                guard channelCount > 1 else {
                    throw ParticipantList.ParseError("--channel-map needs audio with one channel per person; this audio has one channel")
                }
                people = try ParticipantList.applyChannelMap(channelMap, to: people)
            }
        } catch let error as ParticipantList.ParseError {
            throw CommandFailure(error.description)
        }
        if channelCount > 1 && channelMap == nil && people.count > channelCount {
            throw CommandFailure(
                "\(people.count) participants but the audio has \(channelCount) channels: with one microphone per person each participant needs a channel (or use --channel-map)")
        }
        let length = meetingLength ?? (mode == .rounds && slot == nil ? audioSeconds : nil)
        let plan = MeetingPlan(
            mode: mode, participants: people, meetingLength: length, slotLength: slot,
            warningBefore: warning, maxTurn: maxTurn)
        do {
            try TurnTracker.validate(plan, channelCount: channelCount)
        } catch {
            throw CommandFailure(error.description)
        }
        if channelCount > 1 {
            let owned = Set(TurnTracker.channelAssignment(plan, channelCount: channelCount))
            let unowned = (0..<channelCount).filter { !owned.contains($0) }
            if !unowned.isEmpty {
                Console.warn("channel \(unowned.map(String.init).joined(separator: ", ")) belongs to no participant; speech there is not counted")
            }
        }
        return plan
    }
}
