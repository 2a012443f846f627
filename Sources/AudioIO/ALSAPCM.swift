import CALSA

#if canImport(Glibc)
    import Glibc
#endif

/// A sample format an ALSA device can deliver or take, in the order capture tries them.
public enum ALSASampleFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Signed 16-bit little-endian (`SND_PCM_FORMAT_S16_LE`).
    case s16 = "S16"
    /// Signed 32-bit little-endian (`SND_PCM_FORMAT_S32_LE`).
    case s32 = "S32"
    /// 32-bit IEEE float little-endian (`SND_PCM_FORMAT_FLOAT_LE`).
    case float = "FLOAT"

    public var description: String { rawValue }

    /// Bytes per sample.
    var bytes: Int { self == .s16 ? 2 : 4 }

    var alsa: snd_pcm_format_t {
        switch self {
        case .s16: SND_PCM_FORMAT_S16_LE
        case .s32: SND_PCM_FORMAT_S32_LE
        case .float: SND_PCM_FORMAT_FLOAT_LE
        }
    }
}

/// Turning ALSA's negative errno returns into text.
enum ALSAError {
    /// `snd_strerror` of a (negative) ALSA return code.
    static func text(_ code: Int32) -> String {
        guard let message = snd_strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}

/// One open ALSA PCM, interleaved read/write access, set up for a rate, channel count and
/// format; closed by `close()`.
///
/// The methods name the libasound call behind them. Not thread-safe: one thread uses it.
final class ALSAPCM {
    let name: String
    let direction: AudioDirection
    /// The `snd_pcm_t`; nil once closed.
    private(set) var handle: OpaquePointer?
    let format: ALSASampleFormat
    let channelCount: Int
    let sampleRate: Int
    /// Frames per period, as the device agreed.
    let periodFrames: Int
    /// Frames in the whole ring buffer, as the device agreed.
    let bufferFrames: Int

    /// Opens `name` (`snd_pcm_open`, or `snd_pcm_open_lconf` with `configuration`) and sets
    /// access, the first of `formats` the device offers, `channels`, exactly `rate`, and a
    /// period near `periodFrames` with four periods of buffer (`snd_pcm_hw_params`).
    ///
    /// Throws `AudioIOError` naming the device: not found, busy, or which parameter it refused.
    init(
        name: String, direction: AudioDirection, channels: Int, rate: Int,
        formats: [ALSASampleFormat], periodFrames: Int, configuration: ALSAConfiguration?
    ) throws(AudioIOError) {
        turnkeeper_silence_alsa_errors()
        self.name = name
        self.direction = direction
        let stream = direction == .capture ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK
        var pcm: OpaquePointer?
        let opened: Int32
        if let configuration {
            opened = snd_pcm_open_lconf(&pcm, name, stream, 0, configuration.tree)
        } else {
            opened = snd_pcm_open(&pcm, name, stream, 0)
        }
        guard opened >= 0, let pcm else {
            switch -opened {
            case ENOENT, ENODEV, ENXIO: throw .deviceNotFound(device: name, direction: direction)
            // A name with arguments (`hw:57,0`, `plughw:CARD=USB`) whose card ALSA cannot
            // resolve fails with EINVAL ("Cannot get card index").
            case EINVAL where name.contains(":"): throw .deviceNotFound(device: name, direction: direction)
            case EBUSY, EAGAIN: throw .deviceBusy(device: name, direction: direction)
            default:
                throw .deviceCannotOpen(device: name, direction: direction, reason: ALSAError.text(opened))
            }
        }
        do {
            let agreed = try Self.setUp(
                pcm, name: name, direction: direction, channels: channels, rate: rate,
                formats: formats, periodFrames: periodFrames)
            format = agreed.format
            self.periodFrames = agreed.period
            bufferFrames = agreed.buffer
        } catch {
            snd_pcm_close(pcm)
            throw error
        }
        handle = pcm
        channelCount = channels
        sampleRate = rate
    }

    deinit { close() }

    /// `snd_pcm_close`; safe to call twice.
    func close() {
        if let handle { snd_pcm_close(handle) }
        handle = nil
    }

    /// `snd_pcm_readi` of exactly `frames` frames into `buffer`, looping over short reads.
    /// Returns 0 or the first negative ALSA code (the caller recovers).
    func readFrames(_ buffer: UnsafeMutableRawPointer, frames: Int) -> Int32 {
        guard let handle else { return -Int32(ENODEV) }
        let frameBytes = channelCount * format.bytes
        var done = 0
        while done < frames {
            let n = snd_pcm_readi(handle, buffer + done * frameBytes, snd_pcm_uframes_t(frames - done))
            if n < 0 { return Int32(truncatingIfNeeded: n) }
            // A blocking read that returns nothing would spin; let the caller retry or give up.
            if n == 0 { return -Int32(EAGAIN) }
            done += Int(n)
        }
        return 0
    }

    /// `snd_pcm_writei` of exactly `frames` frames from `buffer`, looping over short writes
    /// and recovering from underruns. Returns 0 or a negative ALSA code it could not recover.
    func writeFrames(_ buffer: UnsafeRawPointer, frames: Int) -> Int32 {
        guard let handle else { return -Int32(ENODEV) }
        let frameBytes = channelCount * format.bytes
        var done = 0
        var stalls = 0
        while done < frames {
            let n = snd_pcm_writei(handle, buffer + done * frameBytes, snd_pcm_uframes_t(frames - done))
            if n > 0 {
                done += Int(n)
                stalls = 0
                continue
            }
            // No progress: recover from an underrun or suspend, but never spin for ever.
            stalls += 1
            if stalls > 100 { return n < 0 ? Int32(truncatingIfNeeded: n) : -Int32(EIO) }
            let code = Int32(truncatingIfNeeded: n)
            if code < 0 && code != -EAGAIN {
                let recovered = snd_pcm_recover(handle, code, 1)
                if recovered < 0 { return recovered }
            }
        }
        return 0
    }

    /// `snd_pcm_recover` for an overrun (`-EPIPE`) or suspend (`-ESTRPIPE`); returns its result.
    func recover(_ code: Int32) -> Int32 {
        guard let handle else { return -Int32(ENODEV) }
        return snd_pcm_recover(handle, code, 1)
    }

    /// `snd_pcm_drain`: lets queued playback finish.
    func drain() {
        if let handle { snd_pcm_drain(handle) }
    }

    private static func setUp(
        _ pcm: OpaquePointer, name: String, direction: AudioDirection, channels: Int, rate: Int,
        formats: [ALSASampleFormat], periodFrames: Int
    ) throws(AudioIOError) -> (format: ALSASampleFormat, period: Int, buffer: Int) {
        guard let params = turnkeeper_hw_params_new() else {
            throw .deviceSetupFailed(
                device: name, direction: direction, step: "allocating parameters", reason: "out of memory")
        }
        defer { snd_pcm_hw_params_free(params) }
        func check(_ code: Int32, _ step: String) throws(AudioIOError) {
            if code < 0 {
                throw .deviceSetupFailed(device: name, direction: direction, step: step, reason: ALSAError.text(code))
            }
        }
        try check(snd_pcm_hw_params_any(pcm, params), "snd_pcm_hw_params_any")
        try check(snd_pcm_hw_params_set_access(pcm, params, SND_PCM_ACCESS_RW_INTERLEAVED), "interleaved access")
        guard let format = formats.first(where: { snd_pcm_hw_params_test_format(pcm, params, $0.alsa) == 0 }) else {
            throw .deviceRejectedFormat(device: name, direction: direction)
        }
        try check(snd_pcm_hw_params_set_format(pcm, params, format.alsa), "sample format \(format)")
        guard snd_pcm_hw_params_set_channels(pcm, params, UInt32(channels)) >= 0 else {
            throw .deviceRejectedChannels(device: name, direction: direction, channelCount: channels)
        }
        guard snd_pcm_hw_params_set_rate(pcm, params, UInt32(rate), 0) >= 0 else {
            throw .deviceRejectedRate(device: name, direction: direction, sampleRate: rate)
        }
        var period = snd_pcm_uframes_t(periodFrames)
        var dir: Int32 = 0
        try check(snd_pcm_hw_params_set_period_size_near(pcm, params, &period, &dir), "period size")
        var buffer = period * 4
        try check(snd_pcm_hw_params_set_buffer_size_near(pcm, params, &buffer), "buffer size")
        try check(snd_pcm_hw_params(pcm, params), "snd_pcm_hw_params")
        _ = snd_pcm_hw_params_get_period_size(params, &period, &dir)
        _ = snd_pcm_hw_params_get_buffer_size(params, &buffer)
        try check(snd_pcm_prepare(pcm), "snd_pcm_prepare")
        return (format, Int(period), Int(buffer))
    }
}
