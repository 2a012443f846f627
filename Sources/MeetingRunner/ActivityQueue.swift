import Synchronization
import VoiceActivity

/// A bounded single-producer, single-consumer queue of detector decisions: the only thing the
/// audio thread shares with the rest of the program.
///
/// A ring preallocated at `init` with two `Atomic` indices: `push` never allocates, locks or
/// waits. When the ring is full the frame is dropped and counted (`droppedCount`), because
/// the audio thread must never block; the consumer turns new drops into an event.
///
/// Exactly one thread may call `push` and exactly one (other) thread `pop`; that discipline,
/// not the compiler, is what makes the unchecked `Sendable` sound.
public final class ActivityQueue: @unchecked Sendable {
    /// Slots in the ring; one is kept empty to tell full from empty.
    public let capacity: Int
    private let storage: UnsafeMutablePointer<ActivityFrame>
    /// Next slot the consumer reads (written by the consumer only).
    private let head = Atomic<Int>(0)
    /// Next slot the producer writes (written by the producer only).
    private let tail = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)

    /// A queue holding up to `capacity` frames (at least 2). At the detector's 10 ms hop,
    /// 1024 frames are about ten seconds of audio.
    public init(capacity: Int = 1024) {
        self.capacity = max(2, capacity) + 1
        storage = .allocate(capacity: self.capacity)
        storage.initialize(repeating: ActivityFrame(start: 0, length: 0, speaking: []), count: self.capacity)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    /// Appends `frame` (producer thread). Returns false, and counts a drop, when full.
    @discardableResult
    public func push(_ frame: ActivityFrame) -> Bool {
        let t = tail.load(ordering: .relaxed)
        let next = t + 1 == capacity ? 0 : t + 1
        guard next != head.load(ordering: .acquiring) else {
            dropped.add(1, ordering: .relaxed)
            return false
        }
        storage[t] = frame
        tail.store(next, ordering: .releasing)
        return true
    }

    /// Takes the oldest frame (consumer thread), or `nil` when the queue is empty.
    public func pop() -> ActivityFrame? {
        let h = head.load(ordering: .relaxed)
        guard h != tail.load(ordering: .acquiring) else { return nil }
        let frame = storage[h]
        head.store(h + 1 == capacity ? 0 : h + 1, ordering: .releasing)
        return frame
    }

    /// Frames waiting (approximate while the other thread is working).
    public var count: Int {
        let h = head.load(ordering: .acquiring)
        let t = tail.load(ordering: .acquiring)
        return t >= h ? t - h : t + capacity - h
    }

    /// Frames dropped so far because the queue was full.
    public var droppedCount: Int { dropped.load(ordering: .relaxed) }
}
