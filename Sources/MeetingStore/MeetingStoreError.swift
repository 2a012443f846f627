import Foundation
import GRDB

/// What can go wrong with the meetings database, worded for the person at the keyboard.
public enum MeetingStoreError: Error, CustomStringConvertible, Equatable {
    /// The folder that should hold the database could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database (or is damaged).
    case notADatabase(path: String)
    /// The database was written by a newer TurnKeeper: it holds schema migrations this build
    /// does not know. Nothing was changed.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The database (or its folder) cannot be written.
    case readOnly(path: String)
    /// The disk holding the database is full.
    case diskFull(path: String)
    /// Another program holds the database locked for longer than the busy timeout.
    case busy(path: String)
    /// No meeting has this id.
    case meetingNotFound(Int64)
    /// The meeting log refers to something it does not contain (for example a participant
    /// index beyond the plan's participants).
    case invalidLog(String)
    /// Any other SQLite failure, with SQLite's own words.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path) for the meetings database (\(reason)); "
                + "create it yourself or point TURNKEEPER_DB (or --db) somewhere writable"
        case let .cannotOpen(path, reason):
            return "cannot open the meetings database \(path): \(reason); "
                + "check the path and its permissions, or pick another with TURNKEEPER_DB (or --db)"
        case let .notADatabase(path):
            return "\(path) is not a TurnKeeper meetings database (not SQLite, or damaged); "
                + "it was left as it is: move it aside or pick another file with TURNKEEPER_DB (or --db)"
        case let .newerSchema(path, unknown):
            return "the meetings database \(path) was written by a newer TurnKeeper "
                + "(schema steps \(unknown.joined(separator: ", ")) are unknown to this one); "
                + "it was left untouched: update TurnKeeper to read it"
        case let .readOnly(path):
            return "the meetings database \(path) is read-only; "
                + "check the permissions of the file and its folder, or pick another with TURNKEEPER_DB (or --db)"
        case let .diskFull(path):
            return "the disk holding the meetings database \(path) is full; "
                + "free some space (what was stored before is kept)"
        case let .busy(path):
            return "the meetings database \(path) is locked by another program; "
                + "close the other TurnKeeper (or sqlite3) and try again"
        case let .meetingNotFound(id):
            return "there is no meeting \(id) in the database; `turnkeeper meetings` lists the meetings stored"
        case let .invalidLog(reason):
            return "the meeting cannot be stored: \(reason)"
        case let .database(path, message):
            return "the meetings database \(path) failed: \(message)"
        }
    }

    /// Runs `body`, turning SQLite's errors into the ones above.
    static func mapping<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MeetingStoreError {
            throw error
        } catch let error as DatabaseError {
            throw MeetingStoreError(error, path: path)
        }
    }

    init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = .notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CANTOPEN:
            self = .cannotOpen(path: path, reason: error.message ?? "SQLite cannot open the file")
        default:
            self = .database(path: path, message: error.message ?? "\(error)")
        }
    }
}
