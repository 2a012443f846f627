/// Reads and writes durations the way people type them: `90s`, `5m`, `1h30m`, `2.5m`.
public enum DurationText {
    /// The longest duration accepted anywhere: a day.
    public static let maximumSeconds: Double = 24 * 3600

    /// Why a duration was not understood.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String
        public init(text: String, reason: String) {
            self.text = text
            self.reason = reason
        }
        public var description: String { "'\(text)' is not a duration: \(reason)" }
    }

    /// Parses `text` into seconds. Units `h`, `m`, `s`, combinable largest first
    /// (`1h30m`, `2m30s`); a number without a unit is refused, since `5` could mean anything.
    public static func seconds(from text: String) throws(ParseError) -> Double {
        let trimmed = text.trimmingSpaces().lowercased()
        func fail(_ reason: String) -> ParseError { ParseError(text: text, reason: reason) }
        guard !trimmed.isEmpty else { throw fail("it is empty; write e.g. 90s, 5m or 1h30m") }
        if trimmed.hasPrefix("-") { throw fail("a duration cannot be negative") }
        var total = 0.0
        var number = ""
        var lastUnitRank = 3
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let rank: Int
            let scale: Double
            switch character {
            case "h": (rank, scale) = (2, 3600)
            case "m": (rank, scale) = (1, 60)
            case "s": (rank, scale) = (0, 1)
            default: throw fail("unexpected '\(character)'; use h, m and s, e.g. 1h30m")
            }
            guard let value = Double(number) else { throw fail("a number must come before '\(character)'") }
            guard rank < lastUnitRank else { throw fail("units go largest first, each once (1h30m, not 30m1h)") }
            lastUnitRank = rank
            total += value * scale
            number = ""
        }
        if !number.isEmpty { throw fail("give a unit: \(number)s, \(number)m or \(number)h") }
        guard total > 0 else { throw fail("it must be longer than zero") }
        guard total <= maximumSeconds else { throw fail("longer than a day (24h)") }
        return total
    }

    /// Formats seconds for people: `45s`, `12m05s`, `1h02m`.
    public static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(twoDigits(whole % 60))s" }
        return "\(whole / 3600)h\(twoDigits((whole % 3600) / 60))m"
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
