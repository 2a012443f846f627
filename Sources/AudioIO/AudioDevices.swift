import CALSA

#if canImport(Glibc)
    import Glibc
#endif

/// One ALSA device a person can name with `--device` or `--chime-device`, or a sound card.
public struct AudioDeviceInfo: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A PCM name (`default`, `hw:CARD=…`, `plughw:…`, or one from an ALSA config).
        case pcm
        /// A sound card the kernel knows (`snd_card_next`).
        case card
    }

    public var kind: Kind
    /// The name to pass to `--device`; for a card, `hw:N` with its index.
    public var name: String
    /// ALSA's description, possibly several lines (as `arecord -L` prints it).
    public var description: String
    public var canCapture: Bool
    public var canPlay: Bool

    public init(kind: Kind, name: String, description: String, canCapture: Bool, canPlay: Bool) {
        self.kind = kind
        self.name = name
        self.description = description
        self.canCapture = canCapture
        self.canPlay = canPlay
    }
}

/// What audio devices this machine has, as ALSA sees them.
public enum AudioDevices {
    /// The PCMs (`snd_device_name_hint` for interface "pcm") followed by the sound cards
    /// (`snd_card_next`, `snd_card_get_name`, `snd_card_get_longname`).
    ///
    /// Reads the global ALSA configuration, so `ALSA_CONFIG_PATH` and `~/.asoundrc` count.
    /// Throws `AudioIOError.deviceCannotOpen` only when ALSA cannot list at all.
    public static func list() throws -> [AudioDeviceInfo] {
        turnkeeper_silence_alsa_errors()
        return try pcms() + cards()
    }

    private static func pcms() throws -> [AudioDeviceInfo] {
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let err = snd_device_name_hint(-1, "pcm", &hints)
        guard err >= 0, let hints else {
            throw AudioIOError.deviceCannotOpen(
                device: "(all)", direction: .capture, reason: "cannot list devices: " + ALSAError.text(err))
        }
        defer { snd_device_name_free_hint(hints) }
        var found: [AudioDeviceInfo] = []
        var cursor = hints
        while let hint = cursor.pointee {
            defer { cursor += 1 }
            guard let name = value(hint, "NAME") else { continue }
            let direction = value(hint, "IOID")
            found.append(
                AudioDeviceInfo(
                    kind: .pcm, name: name, description: value(hint, "DESC") ?? "",
                    canCapture: direction == nil || direction == "Input",
                    canPlay: direction == nil || direction == "Output"))
        }
        return found
    }

    private static func cards() -> [AudioDeviceInfo] {
        var found: [AudioDeviceInfo] = []
        var card: Int32 = -1
        while snd_card_next(&card) >= 0 && card >= 0 {
            var short: UnsafeMutablePointer<CChar>?
            var long: UnsafeMutablePointer<CChar>?
            _ = snd_card_get_name(card, &short)
            _ = snd_card_get_longname(card, &long)
            defer {
                free(short)
                free(long)
            }
            let title = short.map { String(cString: $0) } ?? "card \(card)"
            let detail = long.map { String(cString: $0) } ?? ""
            found.append(
                AudioDeviceInfo(
                    kind: .card, name: "hw:\(card)", description: detail.isEmpty ? title : "\(title)\n\(detail)",
                    canCapture: true, canPlay: true))
        }
        return found
    }

    /// One field of a name hint (`snd_device_name_get_hint`), freed after copying.
    private static func value(_ hint: UnsafeMutableRawPointer, _ field: String) -> String? {
        guard let text = snd_device_name_get_hint(hint, field) else { return nil }
        defer { free(text) }
        return String(cString: text)
    }
}
