import Facilitation
import Foundation

/// Writes a meeting's speech segments as NIST RTTM, the format speech detection and
/// diarization are scored in: `SPEAKER <file> 1 <start> <dur> <NA> <NA> <name> <NA> <NA>`.
public enum RTTMRenderer {
    /// Name used for speech credited to the room as a whole.
    public static let roomName = "room"

    /// One line per segment, in time order. `fileID` is the recording's id (by convention
    /// the audio file's name without extension); white space in names becomes `_`.
    public static func render(_ log: MeetingLog, fileID: String) -> String {
        let names = log.participants.map(\.name)
        let rate = Double(log.sampleRate)
        let segments = log.segments.sorted { ($0.start, $0.channel) < ($1.start, $1.channel) }
        var out = ""
        for segment in segments where segment.end > segment.start {
            let name = segment.participant.map { names.indices.contains($0) ? names[$0] : "participant\($0)" } ?? roomName
            let start = Double(segment.start) / rate
            let duration = Double(segment.end - segment.start) / rate
            out += "SPEAKER \(token(fileID)) 1 \(String(format: "%.3f", start)) \(String(format: "%.3f", duration)) <NA> <NA> \(token(name)) <NA> <NA>\n"
        }
        return out
    }

    private static func token(_ text: String) -> String {
        let cleaned = String(text.map { $0.isWhitespace ? "_" : $0 })
        return cleaned.isEmpty ? "_" : cleaned
    }
}
