import AudioIO
import Foundation

/// Hands out another source's audio no faster than real time, the way a capture device
/// does: each read blocks until the audio it returns would have been heard.
///
/// For trying `record` on a recording and for testing the live path at real speed. Reads
/// are one period (`periodFrames`) at most, like ALSA's.
public final class PacedSource: AudioSource {
    private let inner: any AudioSource
    private let periodFrames: Int
    private let speed: Double
    private var delivered: Int64 = 0
    private var started: ContinuousClock.Instant?

    /// Paces `inner` at `speed` times real time (1 = real time), `periodFrames` per read.
    public init(_ inner: any AudioSource, periodFrames: Int = 160, speed: Double = 1) {
        self.inner = inner
        self.periodFrames = max(1, periodFrames)
        self.speed = speed > 0 ? speed : 1
    }

    public var format: AudioFormat { inner.format }
    public var name: String { inner.name }
    public var warnings: [String] { inner.warnings }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        let clock = ContinuousClock()
        let start = started ?? clock.now
        started = start
        let channels = format.channelCount
        let want = min(buffer.count / channels, periodFrames)
        let got = try inner.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(want * channels)]))
        delivered += Int64(got)
        let due = start.advanced(by: .seconds(Double(delivered) / Double(format.sampleRate) / speed))
        let wait = clock.now.duration(to: due)
        if wait > .zero { Thread.sleep(forTimeInterval: wait.inSeconds) }
        return got
    }
}

extension PacedSource: DeviceFaultReporting {
    /// The wrapped source's faults, if it reports any.
    public func drainDeviceFaults() -> [DeviceFault] {
        (inner as? any DeviceFaultReporting)?.drainDeviceFaults() ?? []
    }
}
