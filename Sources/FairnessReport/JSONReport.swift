import Foundation

/// The JSON form of a report: camelCase keys, sorted, pretty-printed, dates in ISO-8601
/// (to the second). Missing optional values (an unstored meeting's id, an instant event's
/// end) are left out.
public enum JSONReport {
    /// The encoder the JSON report is written with.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The decoder that reads a JSON report back into `FairnessMetrics`.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Reads a JSON report back.
    public static func decode(_ json: String) throws -> FairnessMetrics {
        try decoder().decode(FairnessMetrics.self, from: Data(json.utf8))
    }

    static func render(_ metrics: FairnessMetrics) -> String {
        // Every number is finite by construction, so encoding cannot fail; should it ever,
        // say so in JSON rather than crash.
        guard let data = try? encoder().encode(metrics), let text = String(data: data, encoding: .utf8) else {
            return "{ \"error\" : \"the report could not be encoded\" }\n"
        }
        return text + "\n"
    }
}
