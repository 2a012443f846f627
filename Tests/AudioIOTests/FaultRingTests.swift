import Testing

@testable import AudioIO

struct FaultRingTests {
    @Test func drainsInOrderAndOnlyOnce() {
        let ring = FaultRing(capacity: 8)
        ring.push(.init(kind: .overrun, device: 0, atFrame: 10))
        ring.push(.init(kind: .disconnected, device: 1, atFrame: 20))
        let drained = ring.drain()
        #expect(drained.map(\.kind) == [.overrun, .disconnected])
        #expect(drained.map(\.atFrame) == [10, 20])
        #expect(ring.drain().isEmpty)
    }

    @Test func aFullRingCountsWhatItDrops() {
        let ring = FaultRing(capacity: 4)
        for i in 0..<6 { ring.push(.init(kind: .suspend, device: 0, atFrame: Int64(i))) }
        #expect(ring.drain().map(\.atFrame) == [0, 1, 2, 3])
        #expect(ring.droppedCount == 2)
        // After a drain there is room again, and the slots wrap around.
        for i in 6..<9 { ring.push(.init(kind: .reconnected, device: 0, atFrame: Int64(i))) }
        #expect(ring.drain().map(\.atFrame) == [6, 7, 8])
        // Totals count every push, dropped or not.
        #expect(ring.total(.suspend) == 6 && ring.total(.reconnected) == 3 && ring.total(.overrun) == 0)
    }

    @Test func aProducerAndAConsumerOnTwoThreadsLoseNothing() async {
        let ring = FaultRing(capacity: 64)
        let total = 20_000
        let producer = Task.detached {
            var pushed = 0
            while pushed < total {
                let before = ring.droppedCount
                ring.push(.init(kind: .overrun, device: 0, atFrame: Int64(pushed)))
                if ring.droppedCount == before { pushed += 1 } else { await Task.yield() }
            }
        }
        var seen: [Int64] = []
        while seen.count < total {
            seen += ring.drain().map(\.atFrame)
            await Task.yield()
        }
        await producer.value
        #expect(seen == (0..<Int64(total)).map { $0 })
    }
}
