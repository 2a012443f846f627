import AudioIO
import Foundation
import MeetingRunner
import Synchronization

/// The bundled demo recording (rounds of Ana, Ben, Caro, Dev; 16 kHz mono, real speech).
let demoRecording = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/turnkeeper/Resources/demo-meeting.wav").path

/// A clock that moves only when a test says so.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
    }

    private let current = Mutex(Instant(offset: .zero))
    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func advance(by duration: Duration) { current.withLock { $0 = $0.advanced(by: duration) } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        while now < deadline { try await Task.sleep(for: .milliseconds(1)) }
    }
}

/// A source that hands out a recording's first `frames` frames, then holds the next read
/// (like a quiet device) until `release()`, then ends.
final class GatedSource: AudioSource, @unchecked Sendable {
    private let inner: WAVFileSource
    private var left: Int
    private let gate = DispatchSemaphore(value: 0)
    let handedOut = Atomic<Int>(0)

    init(path: String, frames: Int) throws {
        inner = try WAVFileSource(path: path)
        left = frames
    }

    var format: AudioFormat { inner.format }
    var name: String { "gated" }
    var warnings: [String] { [] }

    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        guard left > 0 else {
            gate.wait()
            return 0
        }
        let want = min(buffer.count / format.channelCount, left)
        let got = try inner.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<want * format.channelCount]))
        left -= got
        handedOut.add(got, ordering: .relaxed)
        return got
    }

    func release() { gate.signal() }
}

/// A recording that also reports device faults at given frames, as a capture device would.
final class FaultReportingSource: AudioSource, DeviceFaultReporting, @unchecked Sendable {
    private let inner: WAVFileSource
    private let faults: Mutex<[DeviceFault]>
    private let read = Atomic<Int64>(0)

    init(path: String, faults: [DeviceFault]) throws {
        inner = try WAVFileSource(path: path)
        self.faults = Mutex(faults)
    }

    var format: AudioFormat { inner.format }
    var name: String { "faulty" }
    var warnings: [String] { [] }

    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        let got = try inner.read(into: buffer)
        read.add(Int64(got), ordering: .relaxed)
        return got
    }

    func drainDeviceFaults() -> [DeviceFault] {
        let position = read.load(ordering: .relaxed)
        return faults.withLock { pending in
            let due = pending.filter { $0.atFrame <= position }
            pending.removeAll { $0.atFrame <= position }
            return due
        }
    }
}

/// Waits (real time) until `condition` holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return try condition()
}
