/// What can go wrong setting up detection.
public enum DetectorError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedChannelCount(Int)
    case unsupportedSampleRate(Int)
    case profileNotFound(String)
    case profileUnreadable(String, reason: String)

    public var description: String {
        switch self {
        case .unsupportedChannelCount(let n):
            return "cannot detect speech on \(n) channels; 1 to 64 are supported"
        case .unsupportedSampleRate(let r):
            return "cannot detect speech at \(r) Hz; 8000 to 192000 Hz are supported"
        case .profileNotFound(let name):
            return "detector profile '\(name)' not found; `turnkeeper profiles` lists the installed ones, or give a path to a .json file"
        case .profileUnreadable(let path, let reason):
            return "detector profile \(path) is not usable: \(reason); fix the file or pick another profile"
        }
    }
}
