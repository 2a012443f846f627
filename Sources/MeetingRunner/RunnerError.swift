import Foundation

/// Why a meeting could not run to its end.
public enum RunnerError: Error, Sendable, CustomStringConvertible {
    /// The audio stopped with an error; what was heard until then is stored.
    case sourceFailed(meetingID: Int64, atSeconds: Double, reason: String)
    /// The database refused a write; the meeting so far is kept as far as it was written.
    case storeFailed(meetingID: Int64?, reason: String)

    public var description: String {
        switch self {
        case .sourceFailed(let id, let at, let reason):
            return "audio stopped at \(String(format: "%.1f", at)) s: \(reason); meeting \(id) is kept up to that point (marked interrupted)"
        case .storeFailed(let id, let reason):
            let which = id.map { "meeting \($0)" } ?? "the meeting"
            return "could not write \(which) to the database: \(reason)"
        }
    }
}
