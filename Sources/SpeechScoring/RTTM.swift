import Foundation

/// Speaker-labelled speech read from NIST RTTM `SPEAKER` lines.
public struct RTTM: Sendable, Equatable {
    /// Each speaker's speech, merged.
    public var speakers: [String: [Interval]]
    /// The file ids the lines named.
    public var fileIDs: Set<String>

    /// Why an RTTM file could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Parses RTTM text; `fileID` keeps only that recording's lines.
    public init(text: String, source: String, fileID: String? = nil) throws(ParseError) {
        var speakers: [String: [Interval]] = [:]
        var ids = Set<String>()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.first == "SPEAKER" else { continue }
            guard fields.count >= 8, let start = Double(fields[3]), let duration = Double(fields[4]),
                start.isFinite, duration.isFinite, start >= 0, duration >= 0
            else {
                throw ParseError(description: "\(source) line \(number + 1): not an RTTM SPEAKER line (SPEAKER file 1 start duration <NA> <NA> name …)")
            }
            let file = String(fields[1])
            if let fileID, file != fileID { continue }
            ids.insert(file)
            speakers[String(fields[7]), default: []].append(Interval(start, start + duration))
        }
        self.speakers = speakers.mapValues { Intervals.merge($0) }
        self.fileIDs = ids
    }

    /// Reads an RTTM file.
    public init(contentsOf path: String, fileID: String? = nil) throws(ParseError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(description: "\(path): cannot read the file")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), source: path, fileID: fileID)
    }

    /// The last end time of any speaker.
    public var lastEnd: Double { speakers.values.compactMap(\.last?.end).max() ?? 0 }
}
