/// Which way audio flows through an ALSA device, for messages.
public enum AudioDirection: String, Sendable, Hashable, CustomStringConvertible {
    case capture, playback
    public var description: String { rawValue }
}

/// What can go wrong reading or capturing audio. Each case names the file or device.
///
/// Every message is one line: the file or device, what is wrong with it, and where possible
/// what to do.
public enum AudioIOError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notWAV(path: String)
    case empty(path: String)
    /// The RIFF/WAVE header itself (the first 12 bytes) is cut off.
    case truncatedHeader(path: String)
    case zeroChannels(path: String)
    case unsupportedEncoding(path: String, encoding: String)
    case unsupportedFormat(path: String, detail: String)
    case readFailed(path: String, reason: String)
    /// The `fmt ` chunk is shorter than a format description needs, or ends past the file.
    case truncatedFormatChunk(path: String, needed: Int, present: Int)
    /// No `fmt ` chunk anywhere in the file.
    case missingFormatChunk(path: String)
    /// A `fmt ` chunk but no `data` chunk: the file holds no audio.
    case missingDataChunk(path: String)
    case zeroSampleRate(path: String)
    /// A sample rate outside 8000...48000 Hz.
    case unsupportedSampleRate(path: String, sampleRate: Int)
    /// More channels than a `ChannelSet` can hold.
    case tooManyChannels(path: String, channelCount: Int)
    /// A known encoding (PCM or float) with a sample size it does not come in.
    case unsupportedBitDepth(path: String, encoding: String, bitsPerSample: Int)
    /// The frame size in the header disagrees with channels × bytes per sample.
    case blockAlignMismatch(path: String, blockAlign: Int, channelCount: Int, bitsPerSample: Int)
    /// No ALSA device of that name (`-ENOENT`, or a card that is not there).
    case deviceNotFound(device: String, direction: AudioDirection)
    /// Another program holds the device (`-EBUSY`).
    case deviceBusy(device: String, direction: AudioDirection)
    /// Opening failed for another reason (permissions, a broken definition…).
    case deviceCannotOpen(device: String, direction: AudioDirection, reason: String)
    /// The device takes none of the sample rates asked for.
    case deviceRejectedRate(device: String, direction: AudioDirection, sampleRate: Int)
    /// The device does not take that many channels.
    case deviceRejectedChannels(device: String, direction: AudioDirection, channelCount: Int)
    /// The device offers none of S16, S32 or float.
    case deviceRejectedFormat(device: String, direction: AudioDirection)
    /// A setup step (`snd_pcm_hw_params` and friends) failed.
    case deviceSetupFailed(device: String, direction: AudioDirection, step: String, reason: String)
    /// Reading or writing failed and could not be recovered.
    case deviceIOFailed(device: String, direction: AudioDirection, reason: String)
    /// ALSA configuration text that `snd_config_load` refused.
    case invalidALSAConfiguration(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open: \(reason)"
        case .notWAV(let path):
            return "\(path): not a WAV file (no RIFF/WAVE header); convert it first, e.g. sox in.mp3 -e signed -b 16 out.wav"
        case .empty(let path):
            return "\(path): the file is empty (0 bytes)"
        case .truncatedHeader(let path):
            return "\(path): the WAV header is truncated (shorter than the 12-byte RIFF/WAVE header)"
        case .zeroChannels(let path):
            return "\(path): the WAV header says zero channels; the file is damaged"
        case .unsupportedEncoding(let path, let encoding):
            return "\(path): unsupported encoding \(encoding); convert to PCM first (e.g. sox in.wav -e signed -b 16 out.wav)"
        case .unsupportedFormat(let path, let detail):
            return "\(path): \(detail)"
        case .readFailed(let path, let reason):
            return "\(path): read failed: \(reason)"
        case .truncatedFormatChunk(let path, let needed, let present):
            return "\(path): the fmt chunk is cut off (\(present) of the \(needed) bytes a format description needs are present); the file is damaged"
        case .missingFormatChunk(let path):
            return "\(path): no fmt chunk, so the sample format is unknown; the file is damaged or not audio"
        case .missingDataChunk(let path):
            return "\(path): no data chunk, so the file holds no audio; it may be damaged or only a header"
        case .zeroSampleRate(let path):
            return "\(path): the WAV header says a sample rate of 0 Hz; the file is damaged"
        case .unsupportedSampleRate(let path, let sampleRate):
            return "\(path): sample rate \(sampleRate) Hz is outside 8000...48000 Hz; resample it, e.g. sox in.wav -r 16000 out.wav"
        case .tooManyChannels(let path, let channelCount):
            return "\(path): \(channelCount) channels; at most 64 are supported (pick channels with sox in.wav out.wav remix 1 2 ...)"
        case .unsupportedBitDepth(let path, let encoding, let bits):
            return "\(path): \(bits)-bit \(encoding) is not supported; convert it, e.g. sox in.wav -e signed -b 16 out.wav"
        case .blockAlignMismatch(let path, let blockAlign, let channels, let bits):
            return "\(path): the header's frame size (block align \(blockAlign) bytes) does not match \(channels) channels of \(bits) bits; the file is damaged"
        default:
            return alsaDescription
        }
    }

    /// The messages of the ALSA cases: each names the device and says what to try.
    private var alsaDescription: String {
        switch self {
        case .deviceNotFound(let device, let direction):
            return "\(direction) device \(device) not found; run `turnkeeper devices` to see the names this machine has (plug the device in, or pick another --device)"
        case .deviceBusy(let device, let direction):
            return "\(direction) device \(device) is busy (another program holds it); close that program or pick another device"
        case .deviceCannotOpen(let device, let direction, let reason):
            return "\(direction) device \(device) cannot be opened: \(reason); check that you are in the audio group and the device's ALSA definition"
        case .deviceRejectedRate(let device, let direction, let rate):
            return "\(direction) device \(device) does not take \(rate) Hz; use --rate with a rate it offers, or its plughw: name, which converts"
        case .deviceRejectedChannels(let device, let direction, let channels):
            return "\(direction) device \(device) does not take \(channels) channel(s); use --channels with a count it offers, or its plughw: name, which converts"
        case .deviceRejectedFormat(let device, let direction):
            return "\(direction) device \(device) offers none of the sample formats S16, S32 or float; use its plughw: name, which converts"
        case .deviceSetupFailed(let device, let direction, let step, let reason):
            return "\(direction) device \(device) could not be set up (\(step)): \(reason); try its plughw: name or another device"
        case .deviceIOFailed(let device, let direction, let reason):
            return "\(direction) device \(device) stopped working: \(reason); check the cable, then start again"
        case .invalidALSAConfiguration(let reason):
            return "the ALSA configuration text could not be read (\(reason)); check its braces, quotes and semicolons"
        default:
            return "audio error"
        }
    }
}
