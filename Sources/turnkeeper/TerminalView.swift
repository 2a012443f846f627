import Facilitation
import Foundation
import MeetingRunner

/// The live terminal view of `record`: the turn holder with time used and left, a bar per
/// participant against the equal share, a cross-talk marker, and the keys. Redrawn in place
/// with plain ANSI (cursor home, clear to end of line), so it works over ssh in any terminal.
struct TerminalView {
    /// Characters of the bar that stand for one equal share.
    var barWidth = 30
    /// The last line of news (a control reply, an event), shown under the bars.
    var news = ""

    /// The view's lines for `status` (no escape codes, so it can be tested and captured).
    func lines(_ status: LiveStatus) -> [String] {
        var lines: [String] = []
        let clock = Self.clock(status.seconds(status.position))
        let mode = status.mode == .rounds ? "rounds" : "open floor"
        lines.append("TurnKeeper — \(mode) — \(clock) of audio")
        lines.append("")
        if status.turn.paused {
            lines.append("PAUSED  (p to resume)")
        } else if let holder = status.turn.holder {
            var line = "Turn: \(status.names[holder])   used \(Self.clock(status.turnUsedSeconds))"
            if let left = status.turnLeftSeconds {
                line += left >= 0 ? "   left \(Self.clock(left))" : "   OVER by \(Self.clock(-left))"
            }
            lines.append(line)
        } else {
            lines.append(status.mode == .rounds ? "The round is over." : "Nobody holds the floor yet.")
        }
        lines.append(
            status.turn.crossTalk.isEmpty
                ? ""
                : "!! CROSS-TALK: " + status.turn.crossTalk.map { status.names[$0] }.joined(separator: " + "))
        let nameWidth = status.names.map(\.count).max() ?? 4
        let share = max(status.shareFrames, 1)
        for (index, name) in status.names.enumerated() {
            let spoken = status.spokenFrames[index]
            let filled = Int((Double(spoken) / Double(share) * Double(barWidth)).rounded())
            let inside = min(filled, barWidth)
            let over = max(0, min(filled - barWidth, barWidth))
            let bar =
                String(repeating: "#", count: inside) + String(repeating: ".", count: barWidth - inside)
                + "|" + String(repeating: "+", count: over)
            let marker = status.turn.holder == index ? ">" : " "
            let talking = status.turn.speakingSince.indices.contains(index) && status.turn.speakingSince[index] != nil
            let padded = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let percent = Int((Double(spoken) / Double(share) * 100).rounded())
            lines.append(
                "\(marker) \(padded) \(bar) \(Self.clock(status.seconds(spoken))) \(percent)%\(talking ? " *" : "")")
        }
        lines.append("")
        let warnings = status.eventCounts[.warning] ?? 0
        let overruns = status.eventCounts[.overrun] ?? 0
        let crossTalk = status.eventCounts[.crossTalk] ?? 0
        var counts = "warnings \(warnings)  overruns \(overruns)  cross-talk \(crossTalk)"
        if let trouble = status.eventCounts[.deviceTrouble], trouble > 0 { counts += "  device trouble \(trouble)" }
        lines.append(counts)
        lines.append(news)
        lines.append("keys: n next  p pause/resume  e +1 min  a arrival  q end")
        return lines
    }

    /// The escape sequence that redraws `lines` over the previous frame.
    static func frame(_ lines: [String]) -> String {
        "\u{1B}[H" + lines.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n") + "\u{1B}[J"
    }

    /// Clears the screen and hides the cursor (start of a meeting).
    static let enter = "\u{1B}[2J\u{1B}[H\u{1B}[?25l"
    /// Shows the cursor again (end of a meeting).
    static let leave = "\u{1B}[?25h\r\n"

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        return "\(whole / 60):" + String(format: "%02d", whole % 60)
    }
}
