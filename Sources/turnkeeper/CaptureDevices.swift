import AudioIO

/// Opens the capture devices for a live meeting.
enum CaptureDevices {
    /// The ALSA capture of `devices` (channels joined in order), `channelsPerDevice` each,
    /// with its warnings (e.g. a fallback to plughw conversion) printed.
    static func open(devices: [String], channelsPerDevice: Int, rate: Int) throws -> any AudioSource {
        let source = try ALSACaptureSource(devices: devices, channelsPerDevice: channelsPerDevice, sampleRate: rate)
        for warning in source.warnings { Console.warn(warning) }
        return source
    }
}
