import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingRunner
import MeetingStore
import Synchronization
import TestSupport
import Testing
import VoiceActivity

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct ControlSocketTests {
    func socketPath(_ folder: URL) -> String { folder.appendingPathComponent("tk.sock").path }

    @Test func theSocketIsPrivateAndRepliesToEachLine() throws {
        // Given a server whose inbox is answered by a stand-in consumer
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = ControlInbox()
        let server = try ControlSocketServer(path: socketPath(folder), inbox: inbox)
        defer { server.stop() }
        let answering = Thread {
            for _ in 0..<400 {
                for pending in inbox.take() { pending.reply("ok got \(pending.command.text)") }
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
        answering.start()
        // Then the socket file is mode 0600
        let mode = try FileManager.default.attributesOfItem(atPath: server.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // And each command gets its reply line; a bad one an error without reaching the meeting
        #expect(try ControlClient.send("extend 2m", path: server.path) == "ok got extend 2m00s")
        #expect(try ControlClient.send("arrive Ana", path: server.path) == "ok got arrive Ana")
        let bad = try ControlClient.send("dance", path: server.path)
        #expect(bad.hasPrefix("error 'dance' is not a command"))
    }

    @Test func aSecondMeetingCannotTakeALiveSocketButAStaleOneIsReplaced() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = socketPath(folder)
        let first = try ControlSocketServer(path: path, inbox: ControlInbox())
        #expect(throws: ControlSocketError.inUse(path)) { try ControlSocketServer(path: path, inbox: ControlInbox()) }
        first.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
        // A socket file nobody answers on (left by a crash) is taken over
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(fd)
        #expect(bound == 0)
        let second = try ControlSocketServer(path: path, inbox: ControlInbox())
        second.stop()
    }

    @Test func noMeetingRunningIsSaidPlainly() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = socketPath(folder)
        #expect(throws: ControlSocketError.noMeeting(path)) { try ControlClient.send("next", path: path) }
        #expect(ControlSocketError.noMeeting(path).description.contains("no meeting is running"))
    }

    @Test func commandsOverTheSocketSteerALiveMeeting() throws {
        // Given the demo meeting paced at real time, with its control socket
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try MeetingStore.inMemory()
        let inbox = ControlInbox()
        let server = try ControlSocketServer(path: socketPath(folder), inbox: inbox)
        defer { server.stop() }
        let setup = MeetingSetup(
            plan: MeetingPlan(
                mode: .rounds, participants: ["Ana", "Ben", "Caro", "Dev"].map { Participant(name: $0) }, slotLength: 13
            ),
            profile: .builtIn, startedAt: Date())
        let source = PacedSource(try WAVFileSource(path: demoRecording), periodFrames: 160)
        let replies = DispatchQueue(label: "client")
        let results = Mutex<[(answer: String, seconds: Double)]>([])
        replies.asyncAfter(deadline: .now() + 0.5) {
            for line in ["next", "pause", "resume", "arrive Caro", "end"] {
                let sent = Date()
                let answer = (try? ControlClient.send(line, path: server.path)) ?? "no answer"
                results.withLock { $0.append((answer, Date().timeIntervalSince(sent))) }
            }
        }
        // When
        let outcome = try MeetingRunner(setup: setup, store: store, logger: Logger(label: "test"))
            .runLive(source: source, controls: inbox)
        replies.sync {}
        let answers = results.withLock { $0.map(\.answer) }
        let latency = results.withLock { $0.map(\.seconds) }
        // Then every command was answered within a second, in order
        #expect(answers.count == 5)
        #expect(answers[0] == "ok Ben's turn")
        #expect(answers[1].hasPrefix("ok paused at"))
        #expect(answers[2] == "ok resumed: Ben's turn")
        #expect(answers[3].hasPrefix("ok Caro arrived at"))
        #expect(answers[4].hasPrefix("ok ending the meeting"))
        #expect(latency.allSatisfy { $0 < 1 })
        // And the meeting is stored finished, with Caro's marked arrival
        let log = try #require(try store.meeting(id: outcome.meetingID))
        #expect(log.status == .finished)
        #expect(log.turns.first?.holder == 0)
        #expect(log.attendance.first { $0.participant == 2 }?.arrivedAt != nil)
    }
}
