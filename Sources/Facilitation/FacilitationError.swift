/// Why a meeting plan cannot be followed.
public enum FacilitationError: Error, Sendable, Equatable, CustomStringConvertible {
    case noParticipants
    case duplicateName(String)
    case roundsNeedTime
    case nonPositive(String, Double)
    case channelOutOfRange(name: String, channel: Int, channelCount: Int)
    case channelShared(channel: Int, names: [String])
    case tooManyChannels(Int)
    case tooManyParticipants(Int)

    public var description: String {
        switch self {
        case .noParticipants:
            return "no participants: name them with --participants \"Ana,Ben,Caro\""
        case .duplicateName(let name):
            return "the participant name '\(name)' appears twice; names must be unique"
        case .roundsNeedTime:
            return "rounds need a meeting length (--meeting-length 20m) or a slot length (--slot 5m)"
        case .nonPositive(let what, let value):
            return "\(what) must be more than zero (got \(value) s)"
        case .channelOutOfRange(let name, let channel, let channelCount):
            return "\(name) is mapped to channel \(channel), but the audio has \(channelCount) channel\(channelCount == 1 ? "" : "s") (0…\(channelCount - 1))"
        case .channelShared(let channel, let names):
            return "channel \(channel) is mapped to more than one person (\(names.joined(separator: ", "))); give each person their own microphone channel"
        case .tooManyChannels(let n):
            return "\(n) channels is more than TurnKeeper follows (64 at most)"
        case .tooManyParticipants(let n):
            return "\(n) participants is more than TurnKeeper follows (64 at most)"
        }
    }
}
