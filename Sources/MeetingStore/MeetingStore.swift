import Facilitation
import Foundation
import GRDB

/// The meetings database: groups, participants, meetings, attendance, turns, speech segments
/// and events. Only timings; no audio, and nothing from which audio could be rebuilt.
///
/// Shaped like GRDB's demo `AppDatabase`: one `Sendable` value wrapping any `DatabaseWriter`,
/// the migrator run in `init`, and intent-named methods (see `MeetingStore+Writes.swift` and
/// `MeetingStore+Reads.swift`). Every method is one transaction. Times are stored as INTEGER
/// sample frames; `startedAt` is REAL seconds, so it round-trips exactly.
public struct MeetingStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives, for error messages (a path, or "in memory").
    let location: String

    /// Wraps a database connection and runs the migrations.
    ///
    /// Throws ``MeetingStoreError/newerSchema(path:unknownMigrations:)`` without touching the
    /// database when it was written by a newer TurnKeeper (it holds migrations this build does
    /// not know).
    public init(_ writer: any DatabaseWriter) throws {
        let location = writer.path.isEmpty || writer.path == ":memory:" ? "in memory" : writer.path
        self.writer = writer
        self.location = location
        try MeetingStoreError.mapping(location) {
            try writer.read { db in try Self.refuseNewerSchema(db, location: location) }
            try Self.migrator.migrate(writer)
        }
    }

    /// Throws ``MeetingStoreError/newerSchema(path:unknownMigrations:)`` if the database holds
    /// migrations this build does not know.
    static func refuseNewerSchema(_ db: Database, location: String) throws {
        let migrator = Self.migrator
        let unknown = try migrator.appliedIdentifiers(db).subtracting(Set(migrator.migrations))
        if !unknown.isEmpty {
            throw MeetingStoreError.newerSchema(path: location, unknownMigrations: unknown.sorted())
        }
    }

    /// Opens (or creates) the database file at `path` as a WAL-mode `DatabasePool`.
    ///
    /// Creates a missing parent folder with mode 0700 and a missing file with mode 0600, and
    /// sets 0600 on the file and its `-wal`/`-shm` companions: the timings of a peer group's
    /// meetings are for its owner only.
    public static func openFile(at path: String) throws -> MeetingStore {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !fileManager.fileExists(atPath: folder) {
            do {
                try fileManager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
            } catch {
                throw MeetingStoreError.cannotCreateFolder(path: folder, reason: Self.reason(error))
            }
        }
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw MeetingStoreError.cannotOpen(path: path, reason: "it is a folder; give the path of a file inside it")
        }
        if !fileManager.fileExists(atPath: path) {
            // An empty file is a valid empty SQLite database; creating it ourselves sets its mode
            // before SQLite opens it, and SQLite gives -wal and -shm the same mode.
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw MeetingStoreError.cannotOpen(path: path, reason: "the file cannot be created in \(folder)")
            }
        }
        try restrictMode(of: path)
        try probe(path)
        let pool = try MeetingStoreError.mapping(path) {
            try DatabasePool(path: path, configuration: configuration())
        }
        for companion in [path + "-wal", path + "-shm"] where fileManager.fileExists(atPath: companion) {
            try restrictMode(of: companion)
        }
        return try MeetingStore(pool)
    }

    /// A fresh, empty database in memory (tests, `analyze` without `--db`).
    public static func inMemory() throws -> MeetingStore {
        try MeetingStore(MeetingStoreError.mapping("in memory") { try DatabaseQueue(configuration: configuration()) })
    }

    /// Where the database lives unless the person says otherwise.
    ///
    /// `TURNKEEPER_DB` if set, else `$XDG_DATA_HOME/turnkeeper/meetings.sqlite`, else
    /// `$HOME/.local/share/turnkeeper/meetings.sqlite` (a relative path if `HOME` is unset).
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["TURNKEEPER_DB"], !explicit.isEmpty { return explicit }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/turnkeeper/meetings.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/turnkeeper/meetings.sqlite"
    }

    /// The connection settings shared by files and memory: foreign keys on (GRDB's default),
    /// and a busy timeout so a second TurnKeeper reading the file does not fail at once.
    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        // Deleted content is overwritten with zeros, so what `forget` deletes leaves no trace.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        return config
    }

    /// Checks an existing file through a read-only connection before the pool opens it: opening
    /// a pool writes to the file (WAL set-up), and a file that is not ours, or is from a newer
    /// TurnKeeper, must be left exactly as it was.
    private static func probe(_ path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { return }
        var config = configuration()
        config.readonly = true
        try MeetingStoreError.mapping(path) {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in try refuseNewerSchema(db, location: path) }
        }
    }

    private static func restrictMode(of path: String) throws {
        do {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw MeetingStoreError.cannotOpen(
                path: path, reason: "cannot make it private (mode 0600): \(reason(error))")
        }
    }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
