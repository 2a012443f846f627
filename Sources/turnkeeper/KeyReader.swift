import Foundation
import MeetingRunner
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the facilitator's keys from stdin (a keyboard, or a USB keypad, which is one) and
/// posts the commands: `n` next, `p` pause/resume, `e` extend by a minute, `a` arrival of the
/// next person not yet here, `q` end.
///
/// Keys are read only when stdin is a terminal (a keyboard or keypad, directly or through
/// systemd's `StandardInput=tty`), and act at once (no Enter; `restore` puts the terminal's
/// mode back). Stdin that is a file, a pipe, closed or `/dev/null` is left alone: its bytes are
/// not keys, and the meeting goes on without them.
final class KeyReader: @unchecked Sendable {
    private var saved = termios()
    private let isTerminal: Bool
    private var restored = false
    /// Set by `restore`: the reader stops touching the terminal.
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(inbox: ControlInbox) {
        isTerminal = isatty(STDIN_FILENO) == 1
        guard isTerminal, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        Self.keysAtOnce()
        let thread = Thread { [self] in
            defer { self.finished.signal() }
            var byte: UInt8 = 0
            while !self.stopped.load(ordering: .acquiring) {
                // Whatever resets the terminal (a multiplexer attaching, a shell job) is undone
                // here, so a key typed then is still read when the mode is back.
                Self.keysAtOnce()
                var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, 200)
                if ready < 0 && errno == EINTR { continue }
                if ready < 0 { break }
                guard ready > 0 else { continue }
                // Hung up or failed with nothing to read: the keyboard is gone.
                if poller.revents & Int16(POLLIN) == 0 { break }
                guard read(STDIN_FILENO, &byte, 1) == 1 else { break }
                if let command = FacilitatorCommand(key: Character(UnicodeScalar(byte))) {
                    inbox.post(command)
                }
            }
        }
        thread.name = "turnkeeper-keys"
        thread.start()
    }

    /// Puts the terminal in "keys at once" mode (no line editing, no echo) unless it is.
    private static func keysAtOnce() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        let lineMode = tcflag_t(ICANON | ECHO)
        guard mode.c_lflag & lineMode != 0 else { return }
        mode.c_lflag &= ~lineMode
        mode.c_cc.6 = 1  // VMIN: a read returns with one byte
        mode.c_cc.5 = 0  // VTIME: no timer
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
    }

    /// Puts the terminal back as it was.
    func restore() {
        guard isTerminal, !restored else { return }
        restored = true
        stopped.store(true, ordering: .releasing)
        _ = finished.wait(timeout: .now() + 0.5)  // the reader checks every 200 ms
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
