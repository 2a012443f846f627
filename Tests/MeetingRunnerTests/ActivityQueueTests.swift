import Foundation
import MeetingRunner
import Synchronization
import Testing
import VoiceActivity

@Suite struct ActivityQueueTests {
    func frame(_ i: Int) -> ActivityFrame {
        ActivityFrame(start: Int64(i) * 160, length: 160, speaking: i % 3 == 0 ? ChannelSet(channel: i % 5) : [])
    }

    @Test func framesComeOutInTheOrderTheyWentIn() {
        let queue = ActivityQueue(capacity: 8)
        for i in 0..<5 { #expect(queue.push(frame(i))) }
        #expect(queue.count == 5)
        let out = (0..<5).compactMap { _ in queue.pop() }
        #expect(out == (0..<5).map(frame))
        #expect(queue.pop() == nil)
    }

    @Test func aFullQueueDropsAndCountsInsteadOfWaiting() {
        // Given a queue of 4 that nobody reads
        let queue = ActivityQueue(capacity: 4)
        // When 10 frames are pushed (push returns at once; a blocking push would hang here)
        let accepted = (0..<10).filter { queue.push(frame($0)) }.count
        // Then 4 are kept, 6 counted as dropped, and the kept ones are the first four
        #expect(accepted == 4)
        #expect(queue.droppedCount == 6)
        #expect((0..<4).compactMap { _ in queue.pop() } == (0..<4).map(frame))
        // And the ring is usable again after draining
        #expect(queue.push(frame(99)))
        #expect(queue.pop() == frame(99))
    }

    @Test func underLoadEveryFrameIsEitherDeliveredInOrderOrCountedAsDropped() {
        // Given a small ring, a fast producer and a slower consumer on two threads
        let queue = ActivityQueue(capacity: 64)
        let total = 200_000
        let producerDone = Atomic<Bool>(false)
        let producer = Thread {
            for i in 0..<total { queue.push(self.frame(i)) }
            producerDone.store(true, ordering: .releasing)
        }
        producer.start()
        // When the consumer drains with pauses
        var received: [Int64] = []
        var spins = 0
        while true {
            let done = producerDone.load(ordering: .acquiring)
            while let f = queue.pop() { received.append(f.start / 160) }
            if done && queue.count == 0 { break }
            spins += 1
            if spins % 50 == 0 { Thread.sleep(forTimeInterval: 0.0005) }
        }
        // Then nothing is duplicated or reordered, and delivered + dropped = pushed
        #expect(zip(received, received.dropFirst()).allSatisfy { $0 < $1 })
        #expect(received.count + queue.droppedCount == total)
        #expect(received.first == 0)
    }
}
