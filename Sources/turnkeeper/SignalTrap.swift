import Foundation
import MeetingRunner
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Turns SIGINT (Ctrl-C) and SIGTERM (systemd stopping the service) into an `end` command,
/// so the meeting closes cleanly: last turn closed, last batch written, status finished.
/// A second signal quits at once (the meeting is then marked interrupted at the next start).
final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(inbox: ControlInbox, onSignal: @escaping @Sendable (String) -> Void = { _ in }) {
        let received = Counter()
        sources = [(SIGINT, "interrupt"), (SIGTERM, "terminate")].map { signalNumber, name in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if received.increment() > 1 { exit(128 + signalNumber) }
                onSignal(name)
                inbox.post(.end)
            }
            source.resume()
            return source
        }
    }

    /// Stops trapping (the default actions come back).
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// A thread-safe count.
private final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int {
        value.withLock {
            $0 += 1; return $0
        }
    }
}
