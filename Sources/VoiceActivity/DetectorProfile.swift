import Foundation

/// A tuned parameter set for the detector, loaded from `Models/NAME.json`.
///
/// PLACEHOLDER (skeleton): the detector work defines the parameters; `name`, `description`
/// and the loading API stay.
public struct DetectorProfile: Codable, Sendable, Equatable {
    public var name: String
    public var description: String

    public init(name: String, description: String) {
        self.name = name
        self.description = description
    }

    /// The built-in fallback, used by tests and when no profile file is found.
    public static let builtIn = DetectorProfile(name: "default", description: "built-in defaults")

    /// Decodes a profile from JSON bytes.
    public static func decode(_ data: Data, source: String) throws(DetectorError) -> DetectorProfile {
        do {
            return try JSONDecoder().decode(DetectorProfile.self, from: data)
        } catch {
            throw .profileUnreadable(source, reason: "\(error)")
        }
    }

    /// Loads a profile by name (looked up as `NAME.json` in `searchDirectories`, in order) or
    /// by path (anything containing `/` or ending in `.json`).
    public static func load(_ nameOrPath: String, searchDirectories: [URL]) throws(DetectorError) -> DetectorProfile {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        let candidates = isPath
            ? [URL(fileURLWithPath: nameOrPath)]
            : searchDirectories.map { $0.appendingPathComponent("\(nameOrPath).json") }
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .profileUnreadable(url.path, reason: "cannot read the file")
            }
            return try decode(data, source: url.path)
        }
        throw .profileNotFound(nameOrPath)
    }
}
