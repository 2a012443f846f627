import CALSA

/// An ALSA configuration built in memory from text, for opening PCMs that are not in the
/// machine's own configuration (`snd_config_load` of a string, used with `snd_pcm_open_lconf`).
///
/// The text is loaded on top of a copy of the global configuration, so the usual names
/// (`null`, `default`, `hw:…`, `plughw:…`) still resolve and a definition can override one
/// of them with ALSA's `!` prefix (`pcm.!hw { … }`). Tests use it with the `file` plugin to
/// stand in for a sound card: see `fileCapture(name:rawFile:)` and
/// `filePlayback(name:wavFile:)`. Immutable after `init`, so it may be shared between threads.
public final class ALSAConfiguration: @unchecked Sendable {
    /// The text it was built from.
    public let text: String
    /// The `snd_config_t` tree; owned, deleted in `deinit`.
    let tree: OpaquePointer

    /// Parses `text` (ALSA configuration syntax) on top of the global configuration; throws
    /// `AudioIOError.invalidALSAConfiguration` if ALSA refuses it.
    public init(text: String) throws {
        turnkeeper_silence_alsa_errors()
        var tree: OpaquePointer?
        let bytes = Array(text.utf8)
        let err = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                turnkeeper_config_from_text(&tree, $0.baseAddress, $0.count, 1)
            }
        }
        guard err >= 0, let tree else {
            throw AudioIOError.invalidALSAConfiguration(reason: ALSAError.text(err))
        }
        self.text = text
        self.tree = tree
    }

    deinit { snd_config_delete(tree) }

    /// A configuration holding one capture PCM `name` fed from `rawFile` (raw interleaved
    /// samples, no header, in whatever format and channel count the reader negotiates).
    ///
    /// The plugin never paces reads and never reports the end of the file: past the end a
    /// reader gets silence. A named pipe as `rawFile` paces reads at its writer's speed.
    public static func fileCapture(name: String, rawFile: String) throws -> ALSAConfiguration {
        try ALSAConfiguration(text: fileCaptureDefinition(name: name, rawFile: rawFile))
    }

    /// A configuration holding one playback PCM `name` that writes what it plays to `wavFile`
    /// (a WAV the `file` plugin writes and finishes when the PCM is closed).
    public static func filePlayback(name: String, wavFile: String) throws -> ALSAConfiguration {
        try ALSAConfiguration(text: filePlaybackDefinition(name: name, wavFile: wavFile))
    }

    /// The definition text behind `fileCapture`, to combine several in one configuration.
    public static func fileCaptureDefinition(name: String, rawFile: String) -> String {
        "pcm.\(name) { type file; slave.pcm \"null\"; file \"/dev/null\"; infile \(quoted(rawFile)); format \"raw\" }\n"
    }

    /// The definition text behind `filePlayback`.
    public static func filePlaybackDefinition(name: String, wavFile: String) -> String {
        "pcm.\(name) { type file; slave.pcm \"null\"; file \(quoted(wavFile)); format \"wav\" }\n"
    }

    /// `value` as an ALSA configuration string literal (double quotes, backslash escapes).
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
