import AudioIO
import Foundation
import Synchronization
import VoiceActivity

/// The audio thread of a live meeting: reads the source, runs the detector, and pushes each
/// decision into the bounded queue. Nothing else.
///
/// Per block it allocates nothing, takes no lock, logs nothing and never touches the
/// database: the buffer is allocated before the thread starts, the detector is a value type
/// that allocates nothing in `process`, and a full queue drops (and counts) instead of
/// waiting. It blocks only inside `source.read` (ALSA, or a paced stand-in).
final class AudioThread: @unchecked Sendable {
    // Owned by the audio thread once started; read by others only after `done` is set.
    private let source: any AudioSource
    private var detector: SpeechDetector
    private let queue: ActivityQueue
    private let buffer: UnsafeMutableBufferPointer<Float>
    private let stopAfter: Int64?
    /// Set once, just before `done`: why reading stopped, if it failed.
    private var failure: String?

    private let stopRequested = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)
    private let frames = Atomic<Int64>(0)
    private let finished = DispatchSemaphore(value: 0)

    /// Prepares the thread; `stopAfter` ends the audio after that many frames.
    init(source: any AudioSource, detector: SpeechDetector, queue: ActivityQueue, blockFrames: Int, stopAfter: Int64?) {
        self.source = source
        self.detector = detector
        self.queue = queue
        self.buffer = .allocate(capacity: max(1, blockFrames) * source.format.channelCount)
        self.buffer.initialize(repeating: 0)
        self.stopAfter = stopAfter
    }

    deinit { buffer.deallocate() }

    /// Starts reading on a new thread.
    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "turnkeeper-audio"
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// Asks the thread to stop after the read in progress (at most one period).
    func requestStop() { stopRequested.store(true, ordering: .relaxed) }

    /// Waits for the thread to finish (after `requestStop`, or at the end of the audio).
    func join() {
        finished.wait()
        finished.signal()  // later joins return at once
    }

    /// True once the thread has pushed its last decision.
    var isDone: Bool { done.load(ordering: .acquiring) }

    /// Frames read from the source so far.
    var framesRead: Int64 { frames.load(ordering: .acquiring) }

    /// Why reading failed; meaningful once `isDone`.
    var failureReason: String? { isDone ? failure : nil }

    private func run() {
        let channels = source.format.channelCount
        let capacity = buffer.count / channels
        var read: Int64 = 0
        let queue = self.queue
        do {
            while !stopRequested.load(ordering: .relaxed) {
                var want = capacity
                if let stopAfter {
                    if read >= stopAfter { break }
                    want = Int(min(Int64(capacity), stopAfter - read))
                }
                let got = try source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(want * channels)]))
                if got == 0 { break }
                read += Int64(got)
                detector.process(UnsafeBufferPointer(buffer), frameCount: got) { queue.push($0) }
                frames.store(read, ordering: .releasing)
            }
        } catch {
            failure = String(describing: error)
        }
        detector.finish { queue.push($0) }
        frames.store(read, ordering: .releasing)
        done.store(true, ordering: .releasing)
        finished.signal()
    }
}
