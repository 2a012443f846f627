import ArgumentParser
import Facilitation
import Foundation
import MeetingStore

/// `turnkeeper meetings`: what is in the database.
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "List the stored meetings, newest last.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try database.open()
        let meetings = try store.meetingSummaries().sorted { $0.id < $1.id }
        if meetings.isEmpty {
            print("No meetings yet in \(database.resolvedPath). `turnkeeper demo` or `turnkeeper analyze FILE.wav` adds one.")
            return
        }
        let dateFormat = DateFormatter()
        dateFormat.dateFormat = "yyyy-MM-dd HH:mm"
        var rows = [["#", "started", "length", "mode", "status", "group", "participants", "source"]]
        for m in meetings {
            rows.append([
                "\(m.id)", dateFormat.string(from: m.startedAt), DurationText.format(m.durationSeconds),
                m.mode.rawValue, m.status.rawValue, m.group ?? "-", m.participants.joined(separator: ", "),
                URL(fileURLWithPath: m.source).lastPathComponent,
            ])
        }
        print(TextTable.render(rows))
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in
            rows.map { $0[column].count }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
