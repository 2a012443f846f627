import Facilitation
import Foundation

extension MeetingFixtures {
    /// The members of ``series()``, in the order they joined.
    public static let seriesMembers = ["Ana", "Ben", "Caro", "Dev"]

    /// Speaking seconds of Ana, Ben, Caro and Dev in each meeting of ``series()``.
    public static let seriesSpeaking: [[Double]] = [
        [40, 20, 20, 20], [30, 30, 20, 20], [50, 30, 0, 20], [25, 25, 25, 25], [20, 30, 25, 25], [25, 25, 25, 25],
    ]

    /// Who facilitated each meeting of ``series()``: Dev never has.
    public static let seriesFacilitators = ["Ana", "Ben", "Caro", "Ana", "Ben", "Caro"]

    /// Six weekly meetings of the group "Tuesday peers" (Ana, Ben, Caro, Dev), open floor with
    /// one lapel microphone each, 600 s long, starting a week apart from ``startedAt``.
    ///
    /// Each person speaks once, in their own stretch (Ana from 10 s, Ben from 130 s, Caro from
    /// 250 s, Dev from 450 s) for the seconds in ``seriesSpeaking``. Everyone is marked
    /// arriving at the start, except: Caro is absent from meeting 3 (no speech, no arrival),
    /// and Dev arrives late, at 420 s (7 min), in meetings 2 and 5. Facilitators are
    /// ``seriesFacilitators``.
    ///
    /// Worked out by hand: Gini per meeting 0.15, 0.1, 0.4, 0, 0.075, 0 (mean 0.725 / 6);
    /// first half mean 0.65 / 3, second half 0.075 / 3. Ana's mean share (0.4 + 0.3 + 0.5 +
    /// 0.25 + 0.2 + 0.25) / 6; Caro's over the five meetings she attended (0.2 + 0.2 + 0.25 +
    /// 0.25 + 0.25) / 5. Rotation: Dev (never), then Ana, Ben, Caro.
    public static func series() -> [MeetingLog] {
        let starts: [Double] = [10, 130, 250, 450]
        return seriesSpeaking.enumerated().map { number, speaking in
            let plan = MeetingPlan(
                mode: .open,
                participants: seriesMembers.enumerated().map { Participant(name: $0.element, channel: $0.offset) },
                meetingLength: 600, maxTurn: 120)
            var segments: [SpeechSegment] = []
            var attendance: [Attendance] = []
            for (person, seconds) in speaking.enumerated() where seconds > 0 {
                segments.append(segment(person, person, starts[person], starts[person] + seconds))
                let late = person == 3 && (number == 1 || number == 4)
                attendance.append(Attendance(participant: person, arrivedAt: late ? frames(420) : 0))
            }
            let turns = speaking.enumerated().filter { $0.element > 0 }.map { person, seconds in
                Turn(holder: person, start: frames(starts[person]), end: frames(starts[person] + seconds))
            }
            return MeetingLog(
                startedAt: startedAt.addingTimeInterval(Double(number) * 7 * 86_400), sampleRate: sampleRate,
                durationFrames: frames(600), source: "week\(number + 1).wav", group: "Tuesday peers",
                facilitator: seriesFacilitators[number], plan: plan, segments: segments, turns: turns,
                attendance: attendance)
        }
    }

    /// A one-off group, "Lantern circle", with two people whose names appear nowhere else:
    /// for checking that forgetting it leaves no trace in the database file.
    public static func oneOffGroup() -> MeetingLog {
        let plan = MeetingPlan(
            mode: .open,
            participants: [Participant(name: "Zebulon", channel: 0), Participant(name: "Quillon", channel: 1)])
        return MeetingLog(
            startedAt: startedAt.addingTimeInterval(3 * 86_400), sampleRate: sampleRate, durationFrames: frames(60),
            source: "lantern.wav", group: "Lantern circle", facilitator: "Zebulon", plan: plan,
            segments: [segment(0, 0, 0, 20), segment(1, 1, 22, 50)],
            events: [FacilitationEvent(kind: .crossTalk, start: frames(19), end: frames(23), participants: [0, 1])],
            turns: [Turn(holder: 0, start: 0, end: frames(21)), Turn(holder: 1, start: frames(21), end: frames(50))],
            attendance: [Attendance(participant: 0, arrivedAt: 0), Attendance(participant: 1, arrivedAt: frames(22))])
    }
}
