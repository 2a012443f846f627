import Dispatch
import Synchronization

/// Plays chimes (mono `Float` samples) on an ALSA playback device.
///
/// `play` hands the samples to a background queue and returns at once; the queue writes them
/// to ALSA one period at a time (`snd_pcm_writei`), so the first period reaches the device
/// within a period of the call and the caller never waits for the chime to finish. Chimes
/// played while one is sounding follow it. A device that takes no mono is fed the same
/// samples on two channels; a `hw:` device that refuses the rate is reopened as `plughw:`.
/// Underruns between chimes are recovered with `snd_pcm_recover`.
public final class ALSAPlayback: @unchecked Sendable {
    /// The device name as opened (after any `plughw:` fallback).
    public let device: String
    /// The rate the device plays at: synthesize chimes at this rate.
    public let sampleRate: Int
    /// Things worth telling the user that did not stop playback (a fallback).
    public let warnings: [String]

    private let pcm: ALSAPCM
    private let queue = DispatchQueue(label: "turnkeeper.playback", qos: .userInteractive)
    private let staging: UnsafeMutableRawPointer
    private let state = Mutex(State())

    private struct State {
        var failure: AudioIOError?
        var closed = false
    }

    /// Opens `device` for playback at `sampleRate` (`snd_pcm_open`, or `snd_pcm_open_lconf`
    /// with `configuration`); throws `AudioIOError` naming the device.
    public init(device: String = "default", sampleRate: Int = 48000, configuration: ALSAConfiguration? = nil) throws {
        var warnings: [String] = []
        let period = max(64, sampleRate / 50)
        func open(_ name: String) throws(AudioIOError) -> ALSAPCM {
            do {
                return try ALSAPCM(
                    name: name, direction: .playback, channels: 1, rate: sampleRate,
                    formats: [.s16, .float, .s32], periodFrames: period, configuration: configuration)
            } catch .deviceRejectedChannels {
                warnings.append("\(name) takes no mono; chimes play on both channels")
                return try ALSAPCM(
                    name: name, direction: .playback, channels: 2, rate: sampleRate,
                    formats: [.s16, .float, .s32], periodFrames: period, configuration: configuration)
            }
        }
        let pcm: ALSAPCM
        do {
            pcm = try open(device)
        } catch {
            guard device.hasPrefix("hw:"), let refused = ALSACaptureSource.refusal(error) else { throw error }
            pcm = try open("plug" + device)
            warnings.append("\(device) does not take \(refused); playing through plug\(device), which converts")
        }
        self.pcm = pcm
        self.device = pcm.name
        self.sampleRate = sampleRate
        self.warnings = warnings
        staging = .allocate(byteCount: pcm.periodFrames * pcm.channelCount * 4, alignment: 16)
    }

    deinit {
        close()
        staging.deallocate()
    }

    /// Queues `samples` (mono, -1...1, at `sampleRate`) and returns without waiting for them
    /// to sound; `writing`, if given, is called on the playback queue just before the first
    /// sample goes to `snd_pcm_writei`. Throws if the device failed while playing an earlier
    /// chime, or is closed.
    public func play(_ samples: [Float], writing: (@Sendable () -> Void)? = nil) throws {
        let failure = state.withLock { state -> AudioIOError? in
            if state.closed {
                return .deviceIOFailed(device: device, direction: .playback, reason: "it was closed")
            }
            return state.failure
        }
        if let failure { throw failure }
        queue.async {
            writing?()
            self.write(samples)
        }
    }

    /// Waits until every queued chime has been handed to ALSA (not until it has sounded).
    public func waitUntilQueued() {
        queue.sync {}
    }

    /// Lets queued chimes finish (`snd_pcm_drain`) and closes the device; safe to call twice.
    /// A `file`-plugin device finishes its WAV here.
    public func close() {
        let wasClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        guard !wasClosed else { return }
        queue.sync {
            pcm.drain()
            pcm.close()
        }
    }

    /// Runs on the queue: converts and writes `samples` a period at a time.
    private func write(_ samples: [Float]) {
        let period = pcm.periodFrames
        let channels = pcm.channelCount
        var start = 0
        while start < samples.count {
            let frames = min(period, samples.count - start)
            for f in 0..<frames {
                let x = samples[start + f]
                let value = x.isNaN ? 0 : min(max(x, -1), 1)
                for c in 0..<channels {
                    let i = f * channels + c
                    switch pcm.format {
                    case .s16:
                        staging.storeBytes(
                            of: Int16(clamping: Int((value * 32768).rounded())).littleEndian, toByteOffset: i * 2,
                            as: Int16.self)
                    case .s32:
                        staging.storeBytes(
                            of: Int32(clamping: Int64((Double(value) * 2_147_483_648).rounded())).littleEndian,
                            toByteOffset: i * 4, as: Int32.self)
                    case .float:
                        staging.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: i * 4, as: UInt32.self)
                    }
                }
            }
            let code = pcm.writeFrames(staging, frames: frames)
            if code < 0 {
                let failure = AudioIOError.deviceIOFailed(
                    device: device, direction: .playback, reason: ALSAError.text(code))
                state.withLock { $0.failure = failure }
                return
            }
            start += frames
        }
    }
}
