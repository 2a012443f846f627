/// Reads the participant list and channel map as typed on the command line.
public enum ParticipantList {
    /// Why a list or map was not understood.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// `"Ana,Ben,Caro"` → three participants, in order, without channels.
    public static func parse(_ text: String) throws(ParseError) -> [Participant] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard names.contains(where: { !$0.isEmpty }) else {
            throw ParseError("no participant names given; write them comma-separated, e.g. \"Ana,Ben,Caro\"")
        }
        if names.contains(where: \.isEmpty) {
            throw ParseError("an empty name in \"\(text)\"; write names comma-separated, e.g. \"Ana,Ben,Caro\"")
        }
        return names.map { Participant(name: $0) }
    }

    /// Applies `"Ana=2,Ben=0"` (name=channel, 0-based) to `participants`: each named person
    /// gets that channel; everyone not named keeps none, and so hears nothing of their own.
    public static func applyChannelMap(_ text: String, to participants: [Participant]) throws(ParseError) -> [Participant] {
        var result = participants.map { Participant(name: $0.name, channel: nil) }
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            guard parts.count == 2, let channel = Int(parts[1]), channel >= 0 else {
                throw ParseError("channel map entry '\(entry)' should look like Name=channel, e.g. \"Ana=2,Ben=0\" (channels count from 0)")
            }
            guard let index = result.firstIndex(where: { $0.name == parts[0] }) else {
                let known = participants.map(\.name).joined(separator: ", ")
                throw ParseError("the channel map names '\(parts[0])', who is not a participant (participants: \(known))")
            }
            guard result[index].channel == nil else {
                throw ParseError("the channel map gives '\(parts[0])' more than one channel")
            }
            result[index].channel = channel
        }
        return result
    }
}
