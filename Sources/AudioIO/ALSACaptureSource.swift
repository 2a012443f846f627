import CALSA

#if canImport(Glibc)
    import Glibc
#endif

/// Live audio from one or more ALSA capture devices, one period per `read`.
///
/// Each device is opened with `channelsPerDevice` channels at `sampleRate`, in the first of
/// S16, S32 or float it offers; a `hw:` device that refuses the rate, channel count or format
/// is reopened as `plughw:` (ALSA converts) and `warnings` says so. With several devices (one
/// USB microphone per person) the channels are concatenated in device order.
///
/// Faults never stop the stream. An overrun (`-EPIPE`) or suspend (`-ESTRPIPE`) is recovered
/// with `snd_pcm_recover` and the period read again. A device that goes away (`-ENODEV`, or
/// any error recovery cannot fix) is closed; its channels are silence from then on, paced in
/// real time when no device is left, so audio time goes on; every `reconnectInterval` seconds
/// of audio the source tries to reopen it, and resumes when it is back. Each fault is queued
/// for `drainFaults()`.
///
/// Threads: `read` runs on one thread (the audio thread); it allocates nothing, takes no lock
/// and does not log, except that reopening a lost device goes through `snd_pcm_open`.
/// `drainFaults()` and `droppedFaultCount` may be called from one other thread meanwhile.
/// Set `faultInjector` and `reconnectInterval` before reading starts.
public final class ALSACaptureSource: AudioSource, @unchecked Sendable {
    public let format: AudioFormat
    /// The device names as opened (after any `plughw:` fallback), joined with `+`.
    public let name: String
    public private(set) var warnings: [String]
    /// The device names as opened, in channel order.
    public let deviceNames: [String]
    /// Frames delivered by each `read` (at most): the smallest period the devices agreed to.
    public let periodFrames: Int
    /// The sample format each device negotiated, in device order.
    public let deviceFormats: [ALSASampleFormat]
    /// Seconds of audio between attempts to reopen a device that went away.
    public var reconnectInterval: Double = 2
    /// A test seam: called before each device read with the device's index and the number of
    /// periods delivered so far; a non-nil result (a negative errno such as `-EPIPE`,
    /// `-ESTRPIPE`, `-ENODEV`) is handled exactly as if `snd_pcm_readi` had returned it.
    public var faultInjector: (@Sendable (_ device: Int, _ read: Int) -> Int32?)?

    private let devices: [Device]
    private let faults = FaultRing()
    private var delivered: Int64 = 0
    private var reads = 0
    private var closed = false
    /// CLOCK_MONOTONIC deadline (ns) of the next silent period while every device is gone.
    private var silenceDeadline: Int64 = 0

    /// Opens every device in `devices` (names as ALSA knows them: `default`, `hw:1,0`,
    /// `plughw:…`, or a PCM in `configuration`) for capture.
    ///
    /// `periodFrames` defaults to 20 ms of audio; `formats` is the order sample formats are
    /// tried in. Throws `AudioIOError` naming the device that failed; devices already open
    /// are closed again.
    public init(
        devices: [String], channelsPerDevice: Int = 1, sampleRate: Int = 16000,
        periodFrames: Int? = nil, configuration: ALSAConfiguration? = nil,
        formats: [ALSASampleFormat] = ALSASampleFormat.allCases
    ) throws {
        guard let first = devices.first else {
            throw AudioIOError.deviceNotFound(device: "(no device given)", direction: .capture)
        }
        guard channelsPerDevice > 0 else {
            throw AudioIOError.deviceRejectedChannels(
                device: first, direction: .capture, channelCount: channelsPerDevice)
        }
        guard sampleRate > 0 else {
            throw AudioIOError.deviceRejectedRate(device: first, direction: .capture, sampleRate: sampleRate)
        }
        let wanted = max(1, periodFrames ?? sampleRate / 50)
        var opened: [ALSAPCM] = []
        var warnings: [String] = []
        for device in devices {
            let (pcm, warning) = try Self.open(
                device, channels: channelsPerDevice, rate: sampleRate, formats: formats,
                periodFrames: wanted, configuration: configuration)
            opened.append(pcm)
            if let warning { warnings.append(warning) }
        }
        let period = min(wanted, opened.map(\.periodFrames).min() ?? wanted)
        self.devices = opened.map { Device(pcm: $0, periodFrames: period, configuration: configuration) }
        self.periodFrames = period
        self.deviceNames = opened.map(\.name)
        self.deviceFormats = opened.map(\.format)
        self.name = deviceNames.joined(separator: "+")
        self.warnings = warnings
        self.format = AudioFormat(sampleRate: sampleRate, channelCount: channelsPerDevice * devices.count)
    }

    /// Closes every device (`snd_pcm_close`); `read` then returns 0, the end of the audio.
    /// Call it from the reading thread, or once reading has stopped.
    public func close() {
        closed = true
        for device in devices {
            device.pcm?.close()
            device.pcm = nil
        }
    }

    /// Blocks until one period (or `buffer.count / channelCount` frames, if fewer) has been
    /// captured from every device, converts it to `Float` in -1...1, interleaves it into
    /// `buffer` and returns the frame count. Returns 0 only after `close()`: a live source
    /// has no end of its own.
    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        guard !closed, let out = buffer.baseAddress else { return 0 }
        let frames = min(buffer.count / format.channelCount, periodFrames)
        guard frames > 0 else { return 0 }
        var anyLive = false
        var offset = 0
        for (index, device) in devices.enumerated() {
            if device.pcm == nil, Double(delivered - device.lostAt) >= reconnectInterval * Double(format.sampleRate) {
                reconnect(device, index: index)
            }
            if capture(device, index: index, frames: frames) {
                device.convert(frames: frames, into: out, stride: format.channelCount, offset: offset)
                anyLive = true
            } else {
                for f in 0..<frames {
                    for c in 0..<device.channelCount { out[f * format.channelCount + offset + c] = 0 }
                }
            }
            offset += device.channelCount
        }
        if anyLive {
            silenceDeadline = 0
        } else {
            let now = turnkeeper_monotonic_ns()
            if silenceDeadline == 0 { silenceDeadline = now }
            silenceDeadline += Int64(frames) * 1_000_000_000 / Int64(format.sampleRate)
            turnkeeper_sleep_until(silenceDeadline)
        }
        delivered += Int64(frames)
        reads += 1
        return frames
    }

    /// Faults since the last call, oldest first (overruns, suspends, disconnects, reconnects).
    public func drainFaults() -> [CaptureFault] {
        faults.drain().map { CaptureFault(kind: $0.kind, device: deviceNames[$0.device], atFrame: $0.atFrame) }
    }

    /// How many faults of `kind` happened since the source opened, drained or not; safe from
    /// any thread.
    public func faultCount(_ kind: CaptureFault.Kind) -> Int { faults.total(kind) }

    /// Faults lost because nobody drained them (the queue holds 256).
    public var droppedFaultCount: Int { faults.droppedCount }

    /// Reads `frames` from `device` into its staging buffer, recovering from overruns and
    /// suspends; returns false (and closes the device) when it is gone.
    private func capture(_ device: Device, index: Int, frames: Int) -> Bool {
        guard let pcm = device.pcm else { return false }
        var code = faultInjector?(index, reads) ?? 0
        for _ in 0..<4 {
            if code == 0 {
                device.clearStaging(frames: frames)
                code = pcm.readFrames(device.staging, frames: frames)
            }
            if code == 0 { return true }
            if code == -EINTR || code == -EAGAIN {
                code = 0
            } else if code == -EPIPE || code == -ESTRPIPE {
                faults.push(.init(kind: code == -EPIPE ? .overrun : .suspend, device: index, atFrame: delivered))
                guard pcm.recover(code) >= 0 else { break }
                code = 0
            } else {
                break
            }
        }
        pcm.close()
        device.pcm = nil
        device.lostAt = delivered
        faults.push(.init(kind: .disconnected, device: index, atFrame: delivered))
        return false
    }

    /// Tries once to reopen a device that went away, with the settings it had.
    private func reconnect(_ device: Device, index: Int) {
        device.lostAt = delivered
        guard
            let pcm = try? ALSAPCM(
                name: deviceNames[index], direction: .capture, channels: device.channelCount,
                rate: format.sampleRate, formats: [device.format], periodFrames: periodFrames,
                configuration: device.configuration)
        else { return }
        device.pcm = pcm
        faults.push(.init(kind: .reconnected, device: index, atFrame: delivered))
    }

    /// Opens `name`, or its `plughw:` twin with a warning when a `hw:` device refuses the
    /// parameters.
    private static func open(
        _ name: String, channels: Int, rate: Int, formats: [ALSASampleFormat], periodFrames: Int,
        configuration: ALSAConfiguration?
    ) throws(AudioIOError) -> (ALSAPCM, String?) {
        do {
            let pcm = try ALSAPCM(
                name: name, direction: .capture, channels: channels, rate: rate, formats: formats,
                periodFrames: periodFrames, configuration: configuration)
            return (pcm, nil)
        } catch {
            guard name.hasPrefix("hw:"), let refused = refusal(error) else { throw error }
            let plug = "plug" + name
            let pcm = try ALSAPCM(
                name: plug, direction: .capture, channels: channels, rate: rate, formats: formats,
                periodFrames: periodFrames, configuration: configuration)
            return (
                pcm, "\(name) does not take \(refused); capturing through \(plug), which converts (a little more CPU)"
            )
        }
    }

    /// What a device refused, when `error` is a refusal `plughw:` can convert around.
    static func refusal(_ error: AudioIOError) -> String? {
        switch error {
        case .deviceRejectedRate(_, _, let rate): "\(rate) Hz"
        case .deviceRejectedChannels(_, _, let channels): "\(channels) channel(s)"
        case .deviceRejectedFormat: "S16, S32 or float samples"
        default: nil
        }
    }
}
