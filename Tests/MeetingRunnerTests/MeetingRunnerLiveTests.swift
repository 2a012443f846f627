import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingRunner
import MeetingStore
import Synchronization
import Testing
import VoiceActivity

private func demoSetup() -> MeetingSetup {
    MeetingSetup(
        plan: MeetingPlan(
            mode: .rounds, participants: ["Ana", "Ben", "Caro", "Dev"].map { Participant(name: $0) }, slotLength: 13,
            warningBefore: 3),
        profile: .builtIn, startedAt: Date(timeIntervalSince1970: 1_790_000_000))
}

/// Records chimes as the live runner asks for them.
private final class ChimeRecorder: ChimeSink, @unchecked Sendable {
    let chimes = Mutex<[(ChimeKind, Int64)]>([])
    let lateness = Mutex<[Double]>([])
    func chime(_ kind: ChimeKind, atFrame: Int64, decidedAfter: Double) {
        chimes.withLock { $0.append((kind, atFrame)) }
        lateness.withLock { $0.append(decidedAfter) }
    }
}

@Suite(.serialized) struct MeetingRunnerLiveTests {
    let logger = Logger(label: "test")

    @Test func aPacedLiveRunDecidesExactlyWhatTheOfflineRunDecides() throws {
        // Given the demo meeting offline, and the same audio paced at 20x real time
        let store = try MeetingStore.inMemory()
        let offline = try MeetingRunner(setup: demoSetup(), store: store, logger: logger)
            .run(source: try WAVFileSource(path: demoRecording))
        let chimes = ChimeRecorder()
        var setup = demoSetup()
        setup.blockFrames = 160
        let paced = PacedSource(try WAVFileSource(path: demoRecording), periodFrames: 160, speed: 20)
        // When
        let live = try MeetingRunner(setup: setup, store: store, logger: logger)
            .runLive(source: paced, chimes: chimes)
        // Then the stored meetings agree in every timing
        let a = try #require(try store.meeting(id: offline.meetingID))
        let b = try #require(try store.meeting(id: live.meetingID))
        #expect(b.status == .finished)
        #expect(b.durationFrames == a.durationFrames)
        #expect(b.segments == a.segments)
        #expect(b.events == a.events)
        #expect(b.turns == a.turns)
        #expect(live.droppedFrames == 0)
        // And one chime per warning and overrun, at the event's audio frame
        let expected = a.events.compactMap { e -> String? in
            switch e.kind {
            case .warning: "warning@\(e.start)"
            case .overrun: "timeUp@\(e.start)"
            default: nil
            }
        }
        #expect(!expected.isEmpty)
        #expect(chimes.chimes.withLock { $0.map { "\($0.0.rawValue)@\($0.1)" } } == expected)
        // And at least one batch per wall-clock second (~2.7 s of pacing)
        #expect(live.batches >= 2)
    }

    @Test func batchesAreWrittenOnTheInjectedClockNotOnTheAudio() throws {
        // Given 20 s of speech handed out at once, then a device that goes quiet (blocks)
        let store = try MeetingStore.inMemory()
        let source = try GatedSource(path: demoRecording, frames: 20 * 16_000)
        let clock = ManualClock()
        let batches = Atomic<Int>(0)
        let runner = MeetingRunner(setup: demoSetup(), store: store, logger: logger)
        let meeting = Thread {
            _ = try? runner.runLive(source: source, clock: clock) { update in
                if case .flushed(let count) = update { batches.store(count, ordering: .relaxed) }
            }
        }
        meeting.start()
        defer { source.release() }
        // When the clock stands still, nothing is written, however much audio was handled
        #expect(eventually { source.handedOut.load(ordering: .relaxed) == 20 * 16_000 })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(batches.load(ordering: .relaxed) == 0)
        let id = try #require(try store.latestMeetingID())
        #expect(try store.meeting(id: id)?.segments.isEmpty == true)
        // Then one second on the clock writes what was heard
        clock.advance(by: .seconds(1))
        #expect(eventually { batches.load(ordering: .relaxed) == 1 })
        let log = try #require(try store.meeting(id: id))
        #expect(!log.segments.isEmpty)
        #expect(log.status == .running)
    }

    @Test func endClosesTheMeetingCleanlyAndAnswers() throws {
        // Given a meeting paced at real time
        let store = try MeetingStore.inMemory()
        let inbox = ControlInbox()
        let source = PacedSource(try WAVFileSource(path: demoRecording), periodFrames: 160)
        let replies = Mutex<[String]>([])
        // When "next" then "end" arrive after half a second
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) {
            inbox.post(.next) { reply in replies.withLock { $0.append(reply) } }
            inbox.post(.end) { reply in replies.withLock { $0.append(reply) } }
        }
        let started = Date()
        let outcome = try MeetingRunner(setup: demoSetup(), store: store, logger: logger)
            .runLive(source: source, controls: inbox)
        // Then the meeting ended soon after, finished, with Ben's slot begun
        #expect(Date().timeIntervalSince(started) < 3)
        let log = try #require(try store.meeting(id: outcome.meetingID))
        #expect(log.status == .finished)
        #expect(log.durationFrames == outcome.durationFrames)
        #expect(log.durationFrames < 3 * 16_000)
        #expect(log.turns.map(\.holder) == [0, 1])
        let answers = replies.withLock { $0 }
        #expect(answers.count == 2)
        #expect(answers.first == "ok Ben's turn")
        #expect(answers.last?.hasPrefix("ok ending the meeting") == true)
    }

    @Test func stopAfterEndsOnAudioTimeToTheFrame() throws {
        let store = try MeetingStore.inMemory()
        var options = LiveOptions()
        options.stopAfterSeconds = 7.25
        let outcome = try MeetingRunner(setup: demoSetup(), store: store, logger: logger)
            .runLive(source: try WAVFileSource(path: demoRecording), options: options)
        #expect(outcome.durationFrames == 116_000)
        let log = try #require(try store.meeting(id: outcome.meetingID))
        #expect(log.status == .finished)
        #expect(log.segments.allSatisfy { $0.end <= 116_000 })
    }

    @Test func aConsumerThatFallsBehindCostsDecisionsNotTheAudioThread() throws {
        // Given a tiny queue, an unpaced source, and a consumer stuck for a moment
        let store = try MeetingStore.inMemory()
        var options = LiveOptions()
        options.queueCapacity = 8
        var stalled = false
        // When
        let outcome = try MeetingRunner(setup: demoSetup(), store: store, logger: logger)
            .runLive(source: try WAVFileSource(path: demoRecording), options: options) { update in
                if !stalled {
                    stalled = true
                    Thread.sleep(forTimeInterval: 0.5)
                }
            }
        // Then the audio was read to its end, drops were counted and stored as an event
        let log = try #require(try store.meeting(id: outcome.meetingID))
        let source = try WAVFileSource(path: demoRecording)
        #expect(outcome.durationFrames == Int64(source.header.frameCount))
        #expect(outcome.droppedFrames > 0)
        let trouble = log.events.filter { $0.kind == .deviceTrouble }
        #expect(!trouble.isEmpty)
        // Each event counts the drops since the one before; together they count them all
        let counted = trouble.compactMap { $0.detail?.split(separator: " ").first.flatMap { Int($0) } }
        #expect(counted.reduce(0, +) == outcome.droppedFrames)
        #expect(trouble.allSatisfy { $0.detail?.contains("detector decisions (10 ms each) dropped") == true })
        #expect(log.status == .finished)
    }

    @Test func deviceFaultsBecomeStoredEvents() throws {
        let store = try MeetingStore.inMemory()
        let faults = [
            DeviceFault(kind: .overrun, device: "hw:2", atFrame: 48_000),
            DeviceFault(kind: .disconnected, device: "hw:3", atFrame: 160_000),
            DeviceFault(kind: .reconnected, device: "hw:3", atFrame: 192_000),
        ]
        let source = PacedSource(try FaultReportingSource(path: demoRecording, faults: faults), speed: 40)
        let outcome = try MeetingRunner(setup: demoSetup(), store: store, logger: logger).runLive(source: source)
        let log = try #require(try store.meeting(id: outcome.meetingID))
        let trouble = log.events.filter { $0.kind == .deviceTrouble }
        #expect(trouble.map(\.start) == faults.map(\.atFrame))
        #expect(trouble.map(\.detail) == faults.map(\.event.detail))
        #expect(trouble[1].detail?.contains("hw:3: disconnected") == true)
    }
}
