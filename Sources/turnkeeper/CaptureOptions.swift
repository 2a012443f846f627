import ArgumentParser

/// Where a live meeting's audio comes from and where its chimes go.
struct CaptureOptions: ParsableArguments {
    @Option(
        name: .customLong("device"),
        help: ArgumentHelp(
            "Capture device (ALSA PCM name): default, hw:1,0, plughw:1, or one from `turnkeeper devices`. Repeat it for one USB microphone per person; their channels are joined in order.",
            valueName: "pcm"))
    var devices: [String] = []

    @Option(help: ArgumentHelp("Channels to capture from each device (one per microphone).", valueName: "n"))
    var channels: Int = 1

    @Option(help: ArgumentHelp("Capture sample rate in Hz.", valueName: "hz"))
    var rate: Int?

    @Option(
        name: .customLong("chime-device"),
        help: ArgumentHelp(
            "Where chimes play (ALSA PCM name). Default: the group file's, else default.", valueName: "pcm"))
    var chimeDevice: String?

    @Option(
        help: ArgumentHelp(
            "Chime volume from 0 (silent) to 1 (full). Default: the group file's, else 0.5.", valueName: "level"))
    var volume: Double?

    @Option(
        help: ArgumentHelp(
            "Play a recording (WAV) at real speed instead of listening to a device: a rehearsal, or a check of the set-up.",
            valueName: "file.wav"))
    var replay: String?

    func validate() throws {
        guard (1...64).contains(channels) else {
            throw ValidationError("--channels must be from 1 to 64 (got \(channels))")
        }
        if let rate, !(8000...192_000).contains(rate) {
            throw ValidationError("--rate must be from 8000 to 192000 Hz (got \(rate))")
        }
        if let volume, !(0...1).contains(volume) {
            throw ValidationError("--volume must be from 0 (silent) to 1 (full) (got \(volume))")
        }
        if replay != nil && !devices.isEmpty {
            throw ValidationError("--replay plays a recording instead of --device; give one or the other")
        }
    }
}
