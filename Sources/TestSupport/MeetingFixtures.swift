import Facilitation
import Foundation
import MeetingStore

/// Hand-built meetings for tests, with numbers small enough to check by hand, and factories
/// for the databases the store tests run on.
///
/// All fixtures run at 16 kHz and start on a whole second (2026-11-18 20:26:40 UTC), so they
/// survive the JSON report's ISO-8601 dates (to the second).
public enum MeetingFixtures {
    public static let sampleRate = 16_000
    public static let startedAt = Date(timeIntervalSince1970: 1_795_033_600)

    /// Sample frames for a time in seconds at ``sampleRate``.
    public static func frames(_ seconds: Double) -> Int64 { Int64((seconds * Double(sampleRate)).rounded()) }

    /// Rounds, one microphone, Ana, Ben, Caro, Dev with 60 s slots (warning 10 s before).
    ///
    /// Ana speaks 2–50 s; Ben 61–139 s (slot ends at 120: overrun at 120); Caro says nothing
    /// in her slot (140–190); Dev, who arrived at 30 s, speaks 191–230 and 232–248. Meeting
    /// 250 s. Speaking: Ana 48, Ben 78, Caro 0, Dev 55 (181 s in all).
    public static func rounds() -> MeetingLog {
        let names = ["Ana", "Ben", "Caro", "Dev"]
        let plan = MeetingPlan(
            mode: .rounds, participants: names.map { Participant(name: $0) },
            meetingLength: 240, slotLength: 60, warningBefore: 10)
        return MeetingLog(
            startedAt: startedAt, sampleRate: sampleRate, durationFrames: frames(250),
            source: "tuesday.wav", status: .finished, group: "Tuesday peers", facilitator: "Ana",
            plan: plan,
            segments: [
                segment(0, 0, 2, 50), segment(1, 0, 61, 139), segment(3, 0, 191, 230),
                segment(3, 0, 232, 248),
            ],
            events: [
                FacilitationEvent(kind: .warning, start: frames(50), participants: [0]),
                FacilitationEvent(kind: .warning, start: frames(110), participants: [1]),
                FacilitationEvent(kind: .overrun, start: frames(120), participants: [1]),
                FacilitationEvent(kind: .warning, start: frames(240), participants: [3]),
            ],
            turns: [
                Turn(holder: 0, start: 0, end: frames(60), plannedEnd: frames(60)),
                Turn(holder: 1, start: frames(60), end: frames(140), plannedEnd: frames(120)),
                Turn(holder: 2, start: frames(140), end: frames(190), plannedEnd: frames(200)),
                Turn(holder: 3, start: frames(190), end: frames(250), plannedEnd: frames(250)),
            ],
            attendance: [
                Attendance(participant: 0, arrivedAt: 0), Attendance(participant: 1, arrivedAt: 0),
                Attendance(participant: 2, arrivedAt: 0), Attendance(participant: 3, arrivedAt: frames(30)),
            ])
    }

    /// Open floor, one lapel microphone each: Ana (channel 0), Ben (1), Caro (2); 120 s.
    ///
    /// Ana 0–30 and 100–110, Ben 28–60 and 105–107, Caro 58–100 (40, 34 and 42 s).
    /// Cross-talk: Ana+Ben 28–30, Ben+Caro 58–60, all three 59–60.5, Ana+Ben 105–107 (union
    /// 6.5 s). Ben interrupts Ana at 30, Caro interrupts Ben at 60. Turns Ana 0–30, Ben 30–60,
    /// Caro 60–100 (overrun at 95, max turn 35 s), Ana 100–110. Ben leaves at 115.
    public static func openFloorLapel() -> MeetingLog {
        let plan = MeetingPlan(
            mode: .open,
            participants: [
                Participant(name: "Ana", channel: 0), Participant(name: "Ben", channel: 1),
                Participant(name: "Caro", channel: 2),
            ],
            meetingLength: 120, maxTurn: 35)
        return MeetingLog(
            startedAt: startedAt.addingTimeInterval(86_400), sampleRate: sampleRate,
            durationFrames: frames(120), source: "hw:2,0", status: .interrupted, group: "Tuesday peers",
            plan: plan,
            segments: [
                segment(0, 0, 0, 30), segment(1, 1, 28, 60), segment(2, 2, 58, 100),
                segment(0, 0, 100, 110), segment(1, 1, 105, 107),
            ],
            events: [
                FacilitationEvent(kind: .crossTalk, start: frames(28), end: frames(30), participants: [0, 1]),
                FacilitationEvent(kind: .interruption, start: frames(30), participants: [1, 0]),
                FacilitationEvent(kind: .crossTalk, start: frames(58), end: frames(60), participants: [1, 2]),
                FacilitationEvent(kind: .crossTalk, start: frames(59), end: frames(60.5), participants: [0, 1, 2]),
                FacilitationEvent(kind: .interruption, start: frames(60), participants: [2, 1]),
                FacilitationEvent(kind: .overrun, start: frames(95), participants: [2]),
                FacilitationEvent(kind: .crossTalk, start: frames(105), end: frames(107), participants: [0, 1]),
            ],
            turns: [
                Turn(holder: 0, start: 0, end: frames(30)), Turn(holder: 1, start: frames(30), end: frames(60)),
                Turn(holder: 2, start: frames(60), end: frames(100)),
                Turn(holder: 0, start: frames(100), end: frames(110)),
            ],
            attendance: [
                Attendance(participant: 0, arrivedAt: 0),
                Attendance(participant: 1, arrivedAt: frames(1), leftAt: frames(115)),
                Attendance(participant: 2, arrivedAt: frames(50)),
            ])
    }

    /// Open floor with one shared microphone: speech is the room's (0–20 s and 25–40 s of 60).
    public static func openFloorOneMic() -> MeetingLog {
        let plan = MeetingPlan(mode: .open, participants: [Participant(name: "Ana"), Participant(name: "Ben")])
        return MeetingLog(
            startedAt: startedAt.addingTimeInterval(2 * 86_400), sampleRate: sampleRate,
            durationFrames: frames(60), source: "kitchen.wav", plan: plan,
            segments: [segment(nil, 0, 0, 20), segment(nil, 0, 25, 40)])
    }

    /// A speech segment from `start` to `end` seconds.
    public static func segment(_ participant: Int?, _ channel: Int, _ start: Double, _ end: Double) -> SpeechSegment {
        SpeechSegment(participant: participant, channel: channel, start: frames(start), end: frames(end))
    }
}

/// The two ways the store is opened: tests run the same body on both.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// `DatabaseQueue()` in memory.
    case memoryQueue
    /// A WAL `DatabasePool` on a file in a fresh temporary folder.
    case filePool

    public var description: String { rawValue }

    /// Opens a fresh store of this kind; file stores live in `folder`.
    public func makeStore(in folder: TemporaryFolder) throws -> MeetingStore {
        switch self {
        case .memoryQueue: return try MeetingStore.inMemory()
        case .filePool: return try MeetingStore.openFile(at: folder.path("meetings.sqlite"))
        }
    }
}

/// A uniquely named folder under the system's temporary directory; remove it when done.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("turnkeeper-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder (nothing is created).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
