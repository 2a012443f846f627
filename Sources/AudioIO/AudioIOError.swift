/// What can go wrong reading or capturing audio. Each case names the file or device.
public enum AudioIOError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notWAV(path: String)
    case empty(path: String)
    case truncatedHeader(path: String)
    case zeroChannels(path: String)
    case unsupportedEncoding(path: String, encoding: String)
    case unsupportedFormat(path: String, detail: String)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
        case .notWAV(let path): return "\(path): not a WAV file (no RIFF/WAVE header)"
        case .empty(let path): return "\(path): the file is empty"
        case .truncatedHeader(let path): return "\(path): the WAV header is truncated"
        case .zeroChannels(let path): return "\(path): the WAV header says zero channels"
        case .unsupportedEncoding(let path, let encoding):
            return "\(path): unsupported encoding \(encoding); convert to PCM first (e.g. sox in.wav -e signed -b 16 out.wav)"
        case .unsupportedFormat(let path, let detail): return "\(path): \(detail)"
        case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
        }
    }
}
