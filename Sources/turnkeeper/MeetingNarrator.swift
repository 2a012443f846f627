import Facilitation
import MeetingRunner

/// Says what happened in a live meeting, one plain line per thing, for logs and for `record`
/// when stdout is not a terminal.
struct MeetingNarrator {
    let names: [String]
    let sampleRate: Int

    /// A line for a tracker output, or `nil` for ones not worth a line (speech segments).
    func line(for output: TrackerOutput) -> String? {
        switch output {
        case .segment: return nil
        case .turn(let turn):
            return
                "\(at(turn.end)) \(names[turn.holder])'s turn ended after \(TerminalView.clock(seconds(turn.end - turn.start)))"
        case .arrival(let entry):
            return entry.arrivedAt.map { "\(at($0)) \(names[entry.participant]) arrived" }
        case .event(let event):
            let who = event.participants.map { names.indices.contains($0) ? names[$0] : "?" }
            switch event.kind {
            case .warning: return "\(at(event.start)) warning: \(who.first ?? "the slot")'s time is nearly up"
            case .overrun: return "\(at(event.start)) time is up: \(who.first ?? "the turn holder") is running over"
            case .crossTalk: return "\(at(event.start)) cross-talk: \(who.joined(separator: " + "))"
            case .interruption:
                return "\(at(event.start)) interruption: \(who.first ?? "?") took the floor from \(who.last ?? "?")"
            case .deviceTrouble: return "\(at(event.start)) device trouble: \(event.detail ?? "unknown")"
            }
        }
    }

    /// A line for a facilitator's command and its reply.
    func line(for command: FacilitatorCommand, reply: String) -> String {
        "control \(command.text): \(reply)"
    }

    private func seconds(_ frames: Int64) -> Double { Double(frames) / Double(max(sampleRate, 1)) }
    private func at(_ frame: Int64) -> String { "[" + TerminalView.clock(seconds(frame)) + "]" }
}
