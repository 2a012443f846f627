import Facilitation
import Synchronization

/// What the facilitator can ask of a running meeting, from a key or `turnkeeper control`.
///
/// The line protocol over the control socket is the command's `text`: `next`, `pause`,
/// `resume`, `extend 2m`, `arrive Ana`, `arrive`, `end`, `status`. The meeting answers with one
/// line: `ok …` or `error …`.
public enum FacilitatorCommand: Sendable, Equatable {
    /// End the current slot now and start the next (rounds).
    case next
    case pause
    case resume
    /// Pause if running, resume if paused (the `p` key).
    case togglePause
    /// Give the current slot more time (rounds).
    case extend(seconds: Double)
    /// Mark an arrival: the named participant, or with `nil` the first participant in the
    /// plan's order not yet heard or marked (the `a` key, for a facilitator with no screen).
    case arrive(name: String?)
    /// Answer with who holds the turn, without changing anything.
    case status
    /// End the meeting: close the last turn, write the last batch, status finished.
    case end

    /// The command for one line of the protocol.
    public init(parsing line: String) throws(ControlError) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let verb = words.first?.lowercased() else { throw .unknown(line) }
        let rest = words.dropFirst().joined(separator: " ")
        switch verb {
        case "next", "n": self = .next
        case "pause": self = .pause
        case "resume": self = .resume
        case "toggle-pause", "p": self = .togglePause
        case "status": self = .status
        case "end", "q", "quit": self = .end
        case "extend", "e":
            guard !rest.isEmpty else {
                self = .extend(seconds: 60)
                return
            }
            do {
                self = .extend(seconds: try DurationText.seconds(from: rest))
            } catch {
                throw .badArgument(verb: "extend", reason: error.description)
            }
        case "arrive", "a": self = .arrive(name: rest.isEmpty ? nil : rest)
        default: throw .unknown(line)
        }
    }

    /// The command for a key pressed on a keyboard or keypad: `n`, `p`, `e`, `a`, `q`.
    public init?(key: Character) {
        switch key.lowercased() {
        case "n": self = .next
        case "p": self = .togglePause
        case "e": self = .extend(seconds: 60)
        case "a": self = .arrive(name: nil)
        case "q": self = .end
        default: return nil
        }
    }

    /// The command as one line of the protocol (without the newline).
    public var text: String {
        switch self {
        case .next: return "next"
        case .pause: return "pause"
        case .resume: return "resume"
        case .togglePause: return "toggle-pause"
        case .extend(let seconds): return "extend \(DurationText.format(seconds))"
        case .arrive(let name): return name.map { "arrive \($0)" } ?? "arrive"
        case .status: return "status"
        case .end: return "end"
        }
    }
}

/// Why a control line was refused.
public enum ControlError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(String)
    case badArgument(verb: String, reason: String)

    public var description: String {
        switch self {
        case .unknown(let line):
            return "'\(line)' is not a command; use next, pause, resume, extend 2m, arrive NAME, status or end"
        case .badArgument(let verb, let reason):
            return "\(verb): \(reason)"
        }
    }
}

/// Commands waiting for the meeting to apply them, from any thread (keys, the control socket,
/// signals). The meeting's consumer thread takes them and answers each through its `reply`.
public final class ControlInbox: Sendable {
    /// A command and where its one-line answer goes (called once, on the consumer thread).
    public struct Pending: Sendable {
        public var command: FacilitatorCommand
        public var reply: @Sendable (String) -> Void
    }

    private let pending = Mutex<[Pending]>([])

    public init() {}

    /// Queues `command`; `reply` receives the meeting's answer line (`ok …` / `error …`).
    public func post(_ command: FacilitatorCommand, reply: @escaping @Sendable (String) -> Void = { _ in }) {
        pending.withLock { $0.append(Pending(command: command, reply: reply)) }
    }

    /// Takes every command waiting, oldest first.
    public func take() -> [Pending] {
        pending.withLock { queue in
            guard !queue.isEmpty else { return [] }
            defer { queue.removeAll() }
            return queue
        }
    }
}
