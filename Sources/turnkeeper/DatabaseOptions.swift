import ArgumentParser
import Foundation
import MeetingStore

/// `--db`: where the meetings database lives.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The meetings database file.",
            discussion: "Default: $TURNKEEPER_DB, else $XDG_DATA_HOME/turnkeeper/meetings.sqlite (~/.local/share/turnkeeper/meetings.sqlite). Created readable by you alone.",
            valueName: "path"))
    var path: String?

    /// The database path to use.
    var resolvedPath: String {
        path ?? MeetingStore.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens (creating if needed) the database, and marks meetings a crash left open as
    /// interrupted.
    func open() throws -> MeetingStore {
        let store = try MeetingStore.openFile(at: resolvedPath)
        do {
            let interrupted = try store.markInterruptedMeetings()
            if !interrupted.isEmpty {
                let ids = interrupted.map(String.init).joined(separator: ", ")
                Console.warn("meeting \(ids) had not been closed (the program stopped during it); kept and marked interrupted")
            }
        } catch {
            // Reading must still work on a full disk or a read-only file.
            Console.warn("could not mark unfinished meetings as interrupted: \(error)")
        }
        return store
    }
}
