import Foundation

/// Writing to the terminal: results to stdout, warnings to stderr.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Writes `text` to `path`, or stdout when `path` is nil or `-`.
    static func emit(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// A failure with a message for the person at the terminal; printed as `Error: …`, exit 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
