import AudioIO

/// Opens the capture devices for a live meeting.
enum CaptureDevices {
    /// The ALSA capture of `devices` (channels joined in order), `channelsPerDevice` each.
    static func open(devices: [String], channelsPerDevice: Int, rate: Int) throws -> any AudioSource {
        throw CommandFailure("ALSA capture is not in this build yet; use --replay FILE.wav to rehearse with a recording")
    }
}
