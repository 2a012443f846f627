import Facilitation
import Testing
import TestSupport
import VoiceActivity

@Suite struct TurnTrackerRoundsTests {
    let script = ActivityScript()
    var f: (Double) -> Int64 { script.frame }

    @Test func monoSpeechInEachSlotIsTheSlotOwners() throws {
        // Given three 30 s slots and someone speaking in each
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben", "Caro"), meetingLength: 90)
        let s = script.speaking(0, from: 2, to: 20).speaking(0, from: 35, to: 50).speaking(0, from: 61, to: 62)
        // When
        let run = try TrackerRun(plan: plan, channels: 1, script: s, duration: 90)
        // Then
        #expect(run.speechFrames(of: 0) == f(18))
        #expect(run.speechFrames(of: 1) == f(15))
        #expect(run.speechFrames(of: 2) == f(1))
        #expect(run.turns.map(\.holder) == [0, 1, 2])
        #expect(run.turns.map(\.start) == [0, f(30), f(60)])
        #expect(run.turns.map(\.plannedEnd) == [f(30), f(60), f(90)])
        #expect(run.events(.overrun).isEmpty)
        // A shared microphone says nothing about who arrived when
        #expect(run.arrivals.isEmpty)
    }

    @Test func warningComesBeforeEachSlotEnds() throws {
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 30, warningBefore: 10)
        let run = try TrackerRun(plan: plan, channels: 1, script: script, duration: 60)
        #expect(run.events(.warning).map(\.start) == [f(20), f(50)])
        #expect(run.events(.warning).map(\.participants) == [[0], [1]])
    }

    @Test func warningLongerThanTheSlotIsNotGiven() throws {
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 30, warningBefore: 60)
        let run = try TrackerRun(plan: plan, channels: 1, script: script, duration: 60)
        #expect(run.events(.warning).isEmpty)
    }

    @Test func ownerSpeakingPastTheSlotOverrunsIntoTheNextSlot() throws {
        // Given Ana still speaking 3 s past her 30 s slot
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 30)
        let s = script.speaking(0, from: 10, to: 31).speaking(0, from: 31.4, to: 33).speaking(0, from: 35, to: 40)
        // When
        let run = try TrackerRun(plan: plan, channels: 1, script: s, duration: 70)
        // Then one overrun at the planned end; Ana keeps her speech across a breath, Ben's slot
        // starts where she stopped and still ends when planned
        #expect(run.events(.overrun).map(\.start) == [f(30)])
        #expect(run.events(.overrun).first?.participants == [0])
        #expect(run.speechFrames(of: 0) == f(22.6))
        #expect(run.speechFrames(of: 1) == f(5))
        #expect(run.turns.map(\.start) == [0, f(33)])
        #expect(run.turns.first?.end == f(33))
        #expect(run.turns.last?.plannedEnd == f(60))
    }

    @Test func overrunOnPerPersonChannelsNeedsTheOwnersVoice() throws {
        // Ben (channel 1) talks across Ana's slot end: that is not Ana's overrun
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 30)
        let s = script.speaking(1, from: 28, to: 32)
        let run = try TrackerRun(plan: plan, channels: 2, script: s, duration: 60)
        #expect(run.events(.overrun).isEmpty)
        #expect(run.turns.map(\.start) == [0, f(30)])
        #expect(run.speechFrames(of: 1) == f(4))
    }

    @Test func speechAfterTheRoundIsTheRooms() throws {
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 10)
        let s = script.speaking(0, from: 25, to: 27)
        let run = try TrackerRun(plan: plan, channels: 1, script: s, duration: 30)
        #expect(run.speechFrames(of: nil) == f(2))
        #expect(run.turns.count == 2)
    }

    @Test func facilitatorCanAdvanceExtendAndPause() throws {
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben", "Caro"), slotLength: 30)
        var tracker = try TurnTracker(plan: plan, sampleRate: script.sampleRate, channelCount: 1)
        var turns: [Turn] = []
        let frames = script.speaking(0, from: 0, to: 120).frames(duration: 120)
        for frame in frames {
            if frame.start == f(5) { tracker.advance { if case .turn(let t) = $0 { turns.append(t) } } }
            if frame.start == f(10) { tracker.extend(bySeconds: 60) }
            if frame.start == f(20) { tracker.setPaused(true) }
            if frame.start == f(30) { tracker.setPaused(false) }
            tracker.process(frame) { if case .turn(let t) = $0 { turns.append(t) } }
        }
        // Ana's slot ended at 5 s; Ben's started then, planned 35 s, +60 s, +10 s paused = 105 s,
        // and he is still speaking then: overrun, so his slot runs on.
        #expect(turns.first == Turn(holder: 0, start: 0, end: f(5), plannedEnd: f(30)))
        #expect(tracker.turnHolder == 1)
        var rest: [Turn] = []
        tracker.finish(at: f(120)) { if case .turn(let t) = $0 { rest.append(t) } }
        #expect(rest.first?.plannedEnd == f(105))
    }
}

@Suite struct TurnTrackerOpenFloorTests {
    let script = ActivityScript()
    var f: (Double) -> Int64 { script.frame }

    @Test func monoOpenFloorSpeechIsTheRooms() throws {
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben"))
        let run = try TrackerRun(plan: plan, channels: 1, script: script.speaking(0, from: 1, to: 4), duration: 10)
        #expect(run.segments == [SpeechSegment(participant: nil, channel: 0, start: f(1), end: f(4))])
        #expect(run.turns.isEmpty)
    }

    @Test func floorGoesToWhoeverSpeaksAloneLongEnough() throws {
        // Ana speaks, Ben answers, Ana says "mm" (0.3 s, too short to take the floor), Caro closes
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben", "Caro"), floorMinimum: 1)
        let s = script.speaking(0, from: 1, to: 10).speaking(1, from: 11, to: 20)
            .speaking(0, from: 15, to: 15.3).speaking(2, from: 22, to: 30)
        let run = try TrackerRun(plan: plan, channels: 3, script: s, duration: 31)
        #expect(run.turns.map(\.holder) == [0, 1, 2])
        #expect(run.turns.map(\.start) == [f(1), f(11), f(22)])
        #expect(run.turns.map(\.end) == [f(11), f(22), f(31)])
        #expect(run.speechFrames(of: 0) == f(9.3))
    }

    @Test func aTurnLongerThanTheLongestAllowedIsAnOverrun() throws {
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben"), maxTurn: 60)
        let s = script.speaking(0, from: 0, to: 70).speaking(1, from: 71, to: 80)
        let run = try TrackerRun(plan: plan, channels: 2, script: s, duration: 80)
        #expect(run.events(.overrun).map(\.start) == [f(60)])
        #expect(run.events(.overrun).first?.participants == [0])
    }

    @Test func overlapLongEnoughIsCrossTalkAndShortOneIsNot() throws {
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben", "Caro"), crossTalkMinimum: 0.5)
        let s = script.speaking(0, from: 0, to: 10).speaking(1, from: 4, to: 5.5).speaking(2, from: 8, to: 8.3)
        let run = try TrackerRun(plan: plan, channels: 3, script: s, duration: 12)
        #expect(run.events(.crossTalk) == [FacilitationEvent(kind: .crossTalk, start: f(4), end: f(5.5), participants: [0, 1])])
    }

    @Test func crossTalkThatTakesTheFloorIsAnInterruption() throws {
        // Ben talks over Ana for 1 s, Ana stops, Ben carries on
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben"))
        let s = script.speaking(0, from: 0, to: 10).speaking(1, from: 9, to: 20)
        let run = try TrackerRun(plan: plan, channels: 2, script: s, duration: 21)
        #expect(run.events(.interruption) == [FacilitationEvent(kind: .interruption, start: f(9), participants: [1, 0])])
        #expect(run.turns.map(\.holder) == [0, 1])
    }

    @Test func backChannelOverlapIsNotAnInterruption() throws {
        // Ben says "mm-hm, right" over Ana, who keeps the floor
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben"))
        let s = script.speaking(0, from: 0, to: 20).speaking(1, from: 5, to: 5.8)
        let run = try TrackerRun(plan: plan, channels: 2, script: s, duration: 21)
        #expect(run.events(.crossTalk).count == 1)
        #expect(run.events(.interruption).isEmpty)
        #expect(run.turns.map(\.holder) == [0])
    }

    @Test func channelMapDecidesWhoseVoiceAChannelIs() throws {
        let plan = MeetingPlan(mode: .open, participants: [Participant(name: "Ana", channel: 2), Participant(name: "Ben", channel: 0)])
        let s = script.speaking(2, from: 0, to: 3).speaking(1, from: 4, to: 6)
        let run = try TrackerRun(plan: plan, channels: 3, script: s, duration: 7)
        #expect(run.segments == [SpeechSegment(participant: 0, channel: 2, start: 0, end: f(3))])
        #expect(run.tracker.attendance.map(\.arrivedAt) == [0, nil])
    }
}

@Suite struct TurnTrackerValidationTests {
    @Test(arguments: [
        (MeetingPlan(mode: .open, participants: []), 1, FacilitationError.noParticipants),
        (MeetingPlan(mode: .rounds, participants: people("Ana")), 1, .roundsNeedTime),
        (MeetingPlan(mode: .open, participants: people("Ana", "Ana")), 1, .duplicateName("Ana")),
        (MeetingPlan(mode: .open, participants: people("Ana", "Ben", "Caro")), 2,
         .channelOutOfRange(name: "Caro", channel: 2, channelCount: 2)),
        (MeetingPlan(mode: .open, participants: [Participant(name: "Ana", channel: 1), Participant(name: "Ben", channel: 1)]), 2,
         .channelShared(channel: 1, names: ["Ana", "Ben"])),
        (MeetingPlan(mode: .rounds, participants: people("Ana"), slotLength: -5), 1, .nonPositive("the slot length", -5)),
    ])
    func badPlansAreRefused(plan: MeetingPlan, channels: Int, expected: FacilitationError) {
        #expect(throws: expected) { try TurnTracker(plan: plan, sampleRate: 16_000, channelCount: channels) }
        #expect(!expected.description.isEmpty)
    }
}

@Suite struct TurnTrackerAttendanceTests {
    let script = ActivityScript()

    @Test func ownMicrophoneFirstSpeechIsArrivalAndAMarkCanBeEarlier() throws {
        let plan = MeetingPlan(mode: .open, participants: people("Ana", "Ben", "Caro"))
        var tracker = try TurnTracker(plan: plan, sampleRate: script.sampleRate, channelCount: 3)
        var arrivals: [Attendance] = []
        for frame in script.speaking(0, from: 1, to: 2).speaking(1, from: 300, to: 301).frames(duration: 310) {
            if frame.start == script.frame(120) { tracker.markArrival(of: 1, at: frame.start) { if case .arrival(let a) = $0 { arrivals.append(a) } } }
            tracker.process(frame) { if case .arrival(let a) = $0 { arrivals.append(a) } }
        }
        #expect(arrivals == [Attendance(participant: 0, arrivedAt: script.frame(1)), Attendance(participant: 1, arrivedAt: script.frame(120))])
        #expect(tracker.attendance.map(\.arrivedAt) == [script.frame(1), script.frame(120), nil])
    }
}

@Suite struct TurnTrackerBreathTests {
    let script = ActivityScript()
    var f: (Double) -> Int64 { script.frame }

    @Test func aBreathAcrossTheSlotEndIsStillTheOwnersOverrun() throws {
        // Ana stops 0.3 s before her slot ends and carries on 0.3 s after it
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 30)
        let s = script.speaking(0, from: 20, to: 29.7).speaking(0, from: 30.3, to: 33).speaking(0, from: 40, to: 45)
        let run = try TrackerRun(plan: plan, channels: 1, script: s, duration: 60)
        #expect(run.events(.overrun).map(\.start) == [f(30)])
        #expect(run.speechFrames(of: 0) == f(9.7) + f(2.7))
        #expect(run.turns.map(\.start) == [0, f(33)])
    }

    @Test func quietAtTheSlotEndPassesTheTurnOnWhenPlanned() throws {
        // Ana finished 2 s before her slot ended; Ben starts 0.5 s into his
        let plan = MeetingPlan(mode: .rounds, participants: people("Ana", "Ben"), slotLength: 30)
        let s = script.speaking(0, from: 20, to: 28).speaking(0, from: 30.5, to: 40)
        let run = try TrackerRun(plan: plan, channels: 1, script: s, duration: 60)
        #expect(run.events(.overrun).isEmpty)
        #expect(run.turns.map(\.start) == [0, f(30)])
        #expect(run.speechFrames(of: 1) == f(9.5))
    }
}
