import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingRunner
import MeetingStore
import Testing
import TestSupport
import VoiceActivity

/// The bundled demo recording (rounds of Ana, Ben, Caro, Dev) as the runner's input.
private let demoWAV = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/turnkeeper/Resources/demo-meeting.wav").path

private func demoSetup(flushInterval: Double = 1) -> MeetingSetup {
    MeetingSetup(
        plan: MeetingPlan(mode: .rounds, participants: ["Ana", "Ben", "Caro", "Dev"].map { Participant(name: $0) }, slotLength: 13),
        profile: .builtIn, startedAt: Date(timeIntervalSince1970: 1_790_000_000), flushInterval: flushInterval)
}

/// A source that fails after handing out `blocks` blocks of another source.
private final class FailingSource: AudioSource {
    let inner: WAVFileSource
    var blocksLeft: Int
    init(_ inner: WAVFileSource, failAfter blocks: Int) {
        self.inner = inner
        self.blocksLeft = blocks
    }
    var format: AudioFormat { inner.format }
    var name: String { inner.name }
    var warnings: [String] { [] }
    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        if blocksLeft == 0 { throw AudioIOError.readFailed(path: name, reason: "device unplugged") }
        blocksLeft -= 1
        return try inner.read(into: buffer)
    }
}

@Suite struct MeetingRunnerTests {
    let logger = Logger(label: "test")

    @Test func runStoresEverythingTheTrackerSawInBatches() throws {
        // Given
        let store = try MeetingStore.inMemory()
        let source = try WAVFileSource(path: demoWAV)
        var observed: [TrackerOutput] = []
        // When
        let outcome = try MeetingRunner(setup: demoSetup(), store: store, logger: logger)
            .run(source: source) { observed.append($0) }
        // Then
        let log = try #require(try store.meeting(id: outcome.meetingID))
        #expect(log.status == .finished)
        #expect(log.durationFrames == Int64(source.header.frameCount))
        #expect(outcome.batches > 10)  // about one per second of a ~50 s meeting
        #expect(outcome.batches <= Int(log.durationSeconds) + 2)
        let observedSegments = observed.compactMap { if case .segment(let s) = $0 { s } else { nil } }
        #expect(Set(log.segments) == Set(observedSegments))
        #expect(log.turns.map(\.holder) == [0, 1, 2, 3])
        // Every participant spoke in their slot
        for person in 0..<4 {
            #expect(log.segments.contains { $0.participant == person })
        }
        #expect(log.attendance.count == 4)
    }

    @Test func theSameAudioGivesTheSameMeetingWhateverTheBlockSize() throws {
        let store = try MeetingStore.inMemory()
        var small = demoSetup()
        small.blockFrames = 160
        var large = demoSetup()
        large.blockFrames = 16_000
        let a = try MeetingRunner(setup: small, store: store, logger: logger).run(source: try WAVFileSource(path: demoWAV))
        let b = try MeetingRunner(setup: large, store: store, logger: logger).run(source: try WAVFileSource(path: demoWAV))
        let logA = try #require(try store.meeting(id: a.meetingID))
        let logB = try #require(try store.meeting(id: b.meetingID))
        #expect(logA.segments == logB.segments)
        #expect(logA.events == logB.events)
        #expect(logA.turns == logB.turns)
    }

    @Test func aSourceThatFailsKeepsTheMeetingSoFarMarkedInterrupted() throws {
        // Given a source that dies after 20 s of audio (200 blocks of 0.1 s)
        let store = try MeetingStore.inMemory()
        let source = FailingSource(try WAVFileSource(path: demoWAV), failAfter: 200)
        // When
        var thrown: RunnerError?
        do {
            _ = try MeetingRunner(setup: demoSetup(), store: store, logger: logger).run(source: source)
        } catch let error as RunnerError {
            thrown = error
        }
        // Then the error says what happened and the meeting up to then is there
        let error = try #require(thrown)
        #expect(error.description.contains("device unplugged"))
        #expect(error.description.contains("interrupted"))
        let id = try #require(try store.latestMeetingID())
        let log = try #require(try store.meeting(id: id))
        #expect(log.status == .interrupted)
        #expect(log.durationFrames == 200 * 1600)
        #expect(!log.segments.isEmpty)
        #expect(log.segments.allSatisfy { $0.end <= 200 * 1600 })
    }

    @Test func eachPersonsMicrophoneIsStoredEvenWhenThePlanLeavesItImplicit() throws {
        // Given two quiet microphones and an open floor for two people, channels left implicit
        let folder = try makeTemporaryDirectory("runner-channels")
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("quiet.wav")
        let room = SyntheticSignals.pinkNoise(count: 2 * 16_000, dBFS: -60, seed: 3)
        try WAVFixture.write(samples: SyntheticSignals.interleave([room, room.reversed()]), channels: 2, sampleRate: 16_000, to: wav)
        let store = try MeetingStore.inMemory()
        var setup = demoSetup()
        setup.plan = MeetingPlan(mode: .open, participants: [Participant(name: "Ana"), Participant(name: "Ben")])
        // When nobody speaks
        let outcome = try MeetingRunner(setup: setup, store: store, logger: logger).run(source: try WAVFileSource(path: wav.path))
        // Then the stored meeting still says whose microphone each channel was
        let log = try #require(try store.meeting(id: outcome.meetingID))
        #expect(log.segments.isEmpty)
        #expect(log.participants.map(\.channel) == [0, 1])
    }

    @Test func aPlanThatDoesNotFitTheAudioStoresNothing() throws {
        let store = try MeetingStore.inMemory()
        var setup = demoSetup()
        setup.plan.participants = [Participant(name: "Ana", channel: 3)]
        #expect(throws: FacilitationError.self) {
            try MeetingRunner(setup: setup, store: store, logger: logger).run(source: try WAVFileSource(path: demoWAV))
        }
        #expect(try store.latestMeetingID() == nil)
    }
}
