import Facilitation
import Foundation

/// Number and time formatting shared by the renderers. Deterministic: no locale, UTC dates.
enum ReportText {
    /// "43%": a share 0…1 as a whole percentage.
    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// "+18%", "-25%", "0%": a difference of shares in percentage points.
    static func signedPercent(_ difference: Double) -> String {
        let points = Int((difference * 100).rounded())
        return points > 0 ? "+\(points)%" : "\(points)%"
    }

    /// "five": a small count in words (one to twelve), larger ones in digits.
    static func count(_ value: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return words.indices.contains(value) ? words[value] : "\(value)"
    }

    /// A duration as people say it: "6.5 s", "48 s", "1 min 18 s", "1 h 02 min".
    static func spoken(_ seconds: Double) -> String {
        if seconds < 9.95 {
            let tenths = Int((seconds * 10).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
        }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 {
            return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(twoDigits(whole % 60)) s"
        }
        return whole % 3600 / 60 == 0 ? "\(whole / 3600) h" : "\(whole / 3600) h \(twoDigits(whole % 3600 / 60)) min"
    }

    /// A duration or time of day in the meeting as a clock: "0:48", "12:05", "1:02:03".
    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        if whole < 3600 { return "\(whole / 60):\(twoDigits(whole % 60))" }
        return "\(whole / 3600):\(twoDigits(whole % 3600 / 60)):\(twoDigits(whole % 60))"
    }

    /// "2026-11-18 20:26 UTC".
    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(parts.year ?? 0)-\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0)) "
            + "\(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0)) UTC"
    }

    /// The audio source as a person names it: a file's name without its folders, a device
    /// name as it is.
    static func sourceName(_ source: String) -> String {
        guard source.contains("/") else { return source }
        return (source as NSString).lastPathComponent
    }

    /// A plain decimal with up to `digits` decimals, trailing zeros dropped: "48", "0.4309".
    static func decimal(_ value: Double, digits: Int) -> String {
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        var text = String(format: "%.\(digits)f", rounded)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A decimal with exactly `digits` decimals, rounded as ``decimal(_:digits:)`` rounds:
    /// "0.10", "0.08" for 0.075.
    static func fixed(_ value: Double, digits: Int) -> String {
        var text = decimal(value, digits: digits)
        if digits > 0 {
            if !text.contains(".") { text += "." }
            let have = text.count - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0) - 1
            text += String(repeating: "0", count: max(0, digits - have))
        }
        return text
    }

    /// What an event says, for lists: "Ben interrupted Ana", "Ana, Ben until 0:30".
    static func describe(_ event: FairnessMetrics.Event) -> String {
        let names = event.participants.joined(separator: ", ")
        switch event.kind {
        case .warning: return "\(names): slot ends soon"
        case .overrun: return "\(names) ran over"
        case .crossTalk:
            guard let end = event.endSeconds else { return names }
            return "\(names) until \(clock(end)) (\(spoken(end - event.atSeconds)))"
        case .interruption:
            guard event.participants.count >= 2 else { return names }
            return "\(event.participants[0]) interrupted \(event.participants[1])"
        case .deviceTrouble:
            return event.detail ?? "audio device trouble"
        }
    }

    /// Event kinds as words: "cross-talk" for `.crossTalk`.
    static func label(_ kind: EventKind) -> String {
        switch kind {
        case .warning: return "warning"
        case .overrun: return "overrun"
        case .crossTalk: return "cross-talk"
        case .interruption: return "interruption"
        case .deviceTrouble: return "device trouble"
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
