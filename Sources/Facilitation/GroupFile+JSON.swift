import Foundation

/// Why a group file cannot be used; every message names the file and, where it can, the field.
public enum GroupFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not JSON at all (or not an object at the top).
    case notJSON(file: String, reason: String)
    /// A field with a wrong type or value.
    case field(file: String, field: String, problem: String)

    public var description: String {
        switch self {
        case .notJSON(let file, let reason):
            return "group file \(file) is not valid JSON: \(reason)"
        case .field(let file, let field, let problem):
            return "group file \(file): field \"\(field)\" \(problem)"
        }
    }
}

extension GroupFile {
    /// The fields a group file may have; anything else is refused, so a typo is caught.
    static let knownFields: Set<String> = [
        "name", "purpose", "agreements", "members", "mode", "meetingLength", "slot", "warning", "maxTurn",
        "chimes", "facilitators", "reviewAfter", "rate",
    ]

    /// Reads a group file's JSON. `file` names it in messages.
    public static func parse(_ data: Data, file: String) throws(GroupFileError) -> GroupFile {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(file: file, reason: (error as NSError).localizedDescription)
        }
        guard let root = object as? [String: Any] else {
            throw .notJSON(file: file, reason: "the top level must be an object { … }")
        }
        var reader = FieldReader(file: file)
        return try reader.group(root)
    }

    /// The file's JSON text, fields in a readable order, durations written like `20m`.
    public var jsonText: String {
        var lines = ["{"]
        func quoted(_ s: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
        var fields: [String] = []
        fields.append("\"name\": \(quoted(name))")
        if let purpose { fields.append("\"purpose\": \(quoted(purpose))") }
        fields.append("\"agreements\": \(list(agreements))")
        let memberLines = members.map { member -> String in
            var parts = ["\"name\": \(quoted(member.name))"]
            if let channel = member.channel { parts.append("\"channel\": \(channel)") }
            if let device = member.device { parts.append("\"device\": \(quoted(device))") }
            return "    { " + parts.joined(separator: ", ") + " }"
        }
        fields.append("\"members\": [\n" + memberLines.joined(separator: ",\n") + "\n  ]")
        fields.append("\"mode\": \"\(mode.rawValue)\"")
        if let meetingLength { fields.append("\"meetingLength\": \(quoted(DurationText.format(meetingLength)))") }
        if let slot { fields.append("\"slot\": \(quoted(DurationText.format(slot)))") }
        fields.append("\"warning\": \(quoted(DurationText.format(warning)))")
        fields.append("\"maxTurn\": \(quoted(DurationText.format(maxTurn)))")
        fields.append(
            "\"chimes\": { \"enabled\": \(chimes.enabled), \"device\": \(quoted(chimes.device)), \"volume\": \(chimes.volume), \"crossTalk\": \(chimes.crossTalk) }"
        )
        fields.append("\"facilitators\": \(list(facilitators))")
        fields.append("\"reviewAfter\": \(reviewAfter)")
        if let rate { fields.append("\"rate\": \(rate)") }
        lines.append(fields.map { "  " + $0 }.joined(separator: ",\n"))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Reads typed fields out of decoded JSON, naming the field in every error.
private struct FieldReader {
    let file: String

    /// JSON `true`/`false` (Foundation hands them out as a boolean NSNumber, which also
    /// converts to Bool from 0 and 1, so the type is what tells them apart).
    func isBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Bool")
    }

    func fail(_ field: String, _ problem: String) -> GroupFileError {
        .field(file: file, field: field, problem: problem)
    }

    func string(_ value: Any?, _ field: String, required: Bool = false) throws(GroupFileError) -> String? {
        guard let value, !(value is NSNull) else {
            if required { throw fail(field, "is missing; it is required") }
            return nil
        }
        guard let text = value as? String else { throw fail(field, "must be text in quotes") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty { throw fail(field, "is empty") }
        return trimmed
    }

    func integer(_ value: Any?, _ field: String, range: ClosedRange<Int>) throws(GroupFileError) -> Int? {
        guard let value, !(value is NSNull) else { return nil }
        guard !isBoolean(value), let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded(),
            range.contains(number.intValue)
        else {
            throw fail(field, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number.intValue
    }

    func duration(_ value: Any?, _ field: String) throws(GroupFileError) -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        if let text = value as? String {
            do {
                return try DurationText.seconds(from: text)
            } catch {
                throw fail(field, "is not a duration: \(error.reason)")
            }
        }
        if let number = value as? NSNumber, !isBoolean(value), number.doubleValue >= 0 {
            return number.doubleValue
        }
        throw fail(field, "must be a duration like \"90s\", \"5m\" or \"1h30m\"")
    }

    func strings(_ value: Any?, _ field: String) throws(GroupFileError) -> [String] {
        guard let value, !(value is NSNull) else { return [] }
        guard let items = value as? [Any] else { throw fail(field, "must be a list of texts, e.g. [\"Ana\", \"Ben\"]") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if let text = try string(item, "\(field)[\(index)]", required: true) { result.append(text) }
        }
        return result
    }

    mutating func group(_ root: [String: Any]) throws(GroupFileError) -> GroupFile {
        if let unknown = root.keys.sorted().first(where: { !GroupFile.knownFields.contains($0) }) {
            throw fail(
                unknown, "is not a group file field (known: \(GroupFile.knownFields.sorted().joined(separator: ", ")))")
        }
        let name = try string(root["name"], "name", required: true) ?? ""
        guard let rawMembers = root["members"] as? [Any], !rawMembers.isEmpty else {
            throw fail(
                "members",
                root["members"] == nil
                    ? "is missing; list the members, e.g. [{\"name\": \"Ana\", \"channel\": 0}]"
                    : "must be a non-empty list of {\"name\": …, \"channel\": …}")
        }
        var members: [GroupFile.Member] = []
        for (index, raw) in rawMembers.enumerated() {
            let field = "members[\(index)]"
            guard let entry = raw as? [String: Any] else {
                throw fail(field, "must be an object like {\"name\": \"Ana\", \"channel\": 0}")
            }
            if let unknown = entry.keys.sorted().first(where: { !["name", "channel", "device"].contains($0) }) {
                throw fail("\(field).\(unknown)", "is not a member field (name, channel, device)")
            }
            let member = GroupFile.Member(
                name: try string(entry["name"], "\(field).name", required: true) ?? "",
                channel: try integer(entry["channel"], "\(field).channel", range: 0...63),
                device: try string(entry["device"], "\(field).device"))
            if member.channel != nil && member.device != nil {
                throw fail(field, "gives both a channel and a device; give one")
            }
            if members.contains(where: { $0.name == member.name }) {
                throw fail("\(field).name", "repeats the name \"\(member.name)\"; names must be unique")
            }
            if let channel = member.channel, let other = members.first(where: { $0.channel == channel }) {
                throw fail("\(field).channel", "gives channel \(channel) to \(member.name), but it is \(other.name)'s")
            }
            members.append(member)
        }
        var mode = MeetingMode.rounds
        if let text = try string(root["mode"], "mode") {
            guard let parsed = MeetingMode(rawValue: text.lowercased()) else {
                throw fail("mode", "must be \"rounds\" or \"open\", not \"\(text)\"")
            }
            mode = parsed
        }
        var group = GroupFile(
            name: name, purpose: try string(root["purpose"], "purpose"),
            agreements: try strings(root["agreements"], "agreements"),
            members: members, mode: mode, meetingLength: try duration(root["meetingLength"], "meetingLength"),
            slot: try duration(root["slot"], "slot"), facilitators: try strings(root["facilitators"], "facilitators"))
        group.warning = try duration(root["warning"], "warning") ?? group.warning
        group.maxTurn = try duration(root["maxTurn"], "maxTurn") ?? group.maxTurn
        group.reviewAfter = try integer(root["reviewAfter"], "reviewAfter", range: 0...1000) ?? 6
        group.rate = try integer(root["rate"], "rate", range: 8000...192_000)
        if mode == .rounds && group.meetingLength == nil && group.slot == nil {
            throw fail(
                "meetingLength",
                "is missing: rounds need a meeting length (e.g. \"40m\") or a slot (e.g. \"slot\": \"5m\")")
        }
        for (index, person) in group.facilitators.enumerated() where !members.contains(where: { $0.name == person }) {
            throw fail("facilitators[\(index)]", "names \"\(person)\", who is not a member")
        }
        if let chimes = root["chimes"] {
            group.chimes = try self.chimes(chimes)
        }
        return group
    }

    func chimes(_ value: Any) throws(GroupFileError) -> GroupFile.Chimes {
        guard let entry = value as? [String: Any] else {
            throw fail("chimes", "must be an object like {\"enabled\": true, \"volume\": 0.5}")
        }
        if let unknown = entry.keys.sorted().first(where: {
            !["enabled", "device", "volume", "crossTalk"].contains($0)
        }) {
            throw fail("chimes.\(unknown)", "is not a chimes field (enabled, device, volume, crossTalk)")
        }
        var chimes = GroupFile.Chimes()
        for key in ["enabled", "crossTalk"] {
            guard let raw = entry[key] else { continue }
            guard isBoolean(raw), let flag = raw as? Bool else {
                throw fail("chimes.\(key)", "must be true or false")
            }
            if key == "enabled" { chimes.enabled = flag } else { chimes.crossTalk = flag }
        }
        chimes.device = try string(entry["device"], "chimes.device") ?? chimes.device
        if let raw = entry["volume"] {
            guard let number = raw as? NSNumber, !isBoolean(raw), (0...1).contains(number.doubleValue) else {
                throw fail("chimes.volume", "must be a number from 0 (silent) to 1 (full)")
            }
            chimes.volume = number.doubleValue
        }
        return chimes
    }
}
