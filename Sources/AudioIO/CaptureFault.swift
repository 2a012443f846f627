import Synchronization

/// Something that went wrong on a capture device and was dealt with without stopping.
///
/// The meeting runner stores these as device-trouble events; `atFrame` is the source's own
/// frame count (audio time) when it happened.
public struct CaptureFault: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The device's buffer overflowed (`-EPIPE`): some audio was lost; recovered.
        case overrun
        /// The system suspended the device (`-ESTRPIPE`); resumed or restarted.
        case suspend
        /// The device went away (`-ENODEV`, e.g. a USB microphone unplugged): its channels
        /// are silent from here until `reconnected`.
        case disconnected
        /// A device that went away opened again; its channels carry audio again.
        case reconnected
    }

    public var kind: Kind
    /// The device's name as opened (e.g. `hw:2,0`, or `plughw:2,0` after a fallback).
    public var device: String
    /// Frames the source had delivered when it happened.
    public var atFrame: Int64

    public init(kind: Kind, device: String, atFrame: Int64) {
        self.kind = kind
        self.device = device
        self.atFrame = atFrame
    }
}

/// A fixed-size single-producer, single-consumer queue of faults: the audio thread pushes
/// without allocating or locking, another thread drains.
///
/// Holds `capacity` faults; when the consumer falls that far behind, further faults are
/// counted in `dropped` instead of stored.
final class FaultRing: @unchecked Sendable {
    struct Entry {
        var kind: CaptureFault.Kind
        var device: Int
        var atFrame: Int64
    }

    let capacity: Int
    private let storage: UnsafeMutablePointer<Entry>
    /// Next slot to read; written only by the consumer.
    private let head = Atomic<Int>(0)
    /// Next slot to write; written only by the producer.
    private let tail = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)
    /// Faults pushed so far, by kind .
    private let overruns = Atomic<Int>(0)
    private let suspends = Atomic<Int>(0)
    private let disconnects = Atomic<Int>(0)
    private let reconnects = Atomic<Int>(0)

    /// Faults lost because the ring was full.
    var droppedCount: Int { dropped.load(ordering: .relaxed) }

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: Entry(kind: .overrun, device: 0, atFrame: 0), count: capacity)
    }

    deinit { storage.deallocate() }

    /// Producer side (the audio thread): stores `entry`, or counts it as dropped when full.
    func push(_ entry: Entry) {
        switch entry.kind {
        case .overrun: overruns.add(1, ordering: .relaxed)
        case .suspend: suspends.add(1, ordering: .relaxed)
        case .disconnected: disconnects.add(1, ordering: .relaxed)
        case .reconnected: reconnects.add(1, ordering: .relaxed)
        }
        let t = tail.load(ordering: .relaxed)
        let h = head.load(ordering: .acquiring)
        guard t - h < capacity else {
            dropped.add(1, ordering: .relaxed)
            return
        }
        storage[t % capacity] = entry
        tail.store(t + 1, ordering: .releasing)
    }

    /// How many faults of `kind` were pushed since the ring was made, drained or not.
    func total(_ kind: CaptureFault.Kind) -> Int {
        switch kind {
        case .overrun: overruns.load(ordering: .relaxed)
        case .suspend: suspends.load(ordering: .relaxed)
        case .disconnected: disconnects.load(ordering: .relaxed)
        case .reconnected: reconnects.load(ordering: .relaxed)
        }
    }

    /// Consumer side: everything pushed since the last drain, oldest first.
    func drain() -> [Entry] {
        let h = head.load(ordering: .relaxed)
        let t = tail.load(ordering: .acquiring)
        guard t > h else { return [] }
        let entries = (h..<t).map { storage[$0 % capacity] }
        head.store(t, ordering: .releasing)
        return entries
    }
}
