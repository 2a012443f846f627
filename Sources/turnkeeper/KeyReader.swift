import Foundation
import MeetingRunner

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

    init(inbox: ControlInbox) {
        isTerminal = isatty(STDIN_FILENO) == 1
        guard isTerminal else { return }
        if tcgetattr(STDIN_FILENO, &saved) == 0 {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        let thread = Thread {
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) == 1 {
                if let command = FacilitatorCommand(key: Character(UnicodeScalar(byte))) {
                    inbox.post(command)
                }
            }
        }
        thread.name = "turnkeeper-keys"
        thread.start()
    }

    /// Puts the terminal back as it was.
    func restore() {
        guard isTerminal, !restored else { return }
        restored = true
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
