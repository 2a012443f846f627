import Facilitation
import Foundation
import Testing

@Suite struct GroupFileTests {
    func parse(_ json: String) throws(GroupFileError) -> GroupFile {
        try GroupFile.parse(Data(json.utf8), file: "groups/tuesday.json")
    }

    func problem(_ json: String) -> String {
        do {
            _ = try parse(json)
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func theTemplateReadsBackAsItself() throws {
        let template = GroupFile.template(name: "tuesday")
        let back = try parse(template.jsonText)
        #expect(back == template)
        #expect(back.warnings.isEmpty)
        #expect(back.plan().effectiveSlotLength == 600)
    }

    @Test func aFullFileGivesThePlanChimesAndRotation() throws {
        let group = try parse(
            """
            {"name": "Tuesday", "purpose": "Peer support", "agreements": ["One at a time"],
             "members": [{"name": "Ana", "device": "hw:1"}, {"name": "Ben", "device": "hw:2"}, {"name": "Caro", "device": "hw:1"}],
             "mode": "open", "maxTurn": "3m", "warning": 30, "chimes": {"enabled": false, "volume": 0.2, "crossTalk": true},
             "facilitators": ["Ben", "Ana"], "reviewAfter": 4, "rate": 48000}
            """)
        #expect(group.devices == ["hw:1", "hw:2"])
        let plan = group.plan(channelsPerDevice: 2)
        #expect(plan.participants.map(\.channel) == [0, 2, 0])
        #expect(plan.mode == .open)
        #expect(plan.maxTurn == 180)
        #expect(plan.warningBefore == 30)
        #expect(group.chimes == GroupFile.Chimes(enabled: false, device: "default", volume: 0.2, crossTalk: true))
        #expect(group.facilitator(afterMeetings: 0) == "Ben")
        #expect(group.facilitator(afterMeetings: 3) == "Ana")
        #expect(group.isReviewDue(afterMeetings: 4))
        #expect(!group.isReviewDue(afterMeetings: 5))
        #expect(group.rate == 48000)
    }

    @Test func reviewAfterDefaultsToSix() throws {
        let group = try parse(#"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m"}"#)
        #expect(group.reviewAfter == 6)
        #expect(group.isReviewDue(afterMeetings: 6))
    }

    @Test func aLongPurposeIsAWarningNotAnError() throws {
        let group = try parse(
            #"""
            {"name": "g", "members": [{"name": "Ana"}], "slot": "5m",
             "purpose": "We meet every week so that each of us can be heard fully and can ask for help"}
            """#)
        #expect(group.warnings.count == 1)
        #expect(group.warnings[0].contains("18 words"))
    }

    @Test func everyMistakeNamesTheFileAndTheField() {
        let cases: [(String, String, String)] = [
            ("{", "is not valid JSON", "groups/tuesday.json"),
            ("[1]", "top level must be an object", "groups/tuesday.json"),
            (#"{"members": [{"name": "Ana"}], "slot": "5m"}"#, "field \"name\" is missing", "groups/tuesday.json"),
            (#"{"name": "g", "slot": "5m"}"#, "field \"members\" is missing", ""),
            (
                #"{"name": "g", "members": [{"name": "Ana", "channel": -1}], "slot": "5m"}"#,
                "field \"members[0].channel\" must be a whole number from 0 to 63", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana", "chanel": 1}], "slot": "5m"}"#,
                "field \"members[0].chanel\" is not a member field", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana", "channel": 0}, {"name": "Ben", "channel": 0}], "slot": "5m"}"#,
                "field \"members[1].channel\" gives channel 0 to Ben, but it is Ana's", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana"}, {"name": "Ana"}], "slot": "5m"}"#,
                "field \"members[1].name\" repeats", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana"}], "slot": "five minutes"}"#,
                "field \"slot\" is not a duration", ""
            ),
            (#"{"name": "g", "members": [{"name": "Ana"}]}"#, "field \"meetingLength\" is missing: rounds need", ""),
            (
                #"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m", "mode": "circle"}"#,
                "field \"mode\" must be \"rounds\" or \"open\"", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m", "chimes": {"volume": 3}}"#,
                "field \"chimes.volume\" must be a number from 0", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m", "facilitators": ["Zoe"]}"#,
                "field \"facilitators[0]\" names \"Zoe\", who is not a member", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m", "lenght": "5m"}"#,
                "field \"lenght\" is not a group file field", ""
            ),
            (
                #"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m", "reviewAfter": 2.5}"#,
                "field \"reviewAfter\" must be a whole number", ""
            ),
        ]
        for (json, expected, _) in cases {
            let message = problem(json)
            #expect(message.hasPrefix("group file groups/tuesday.json"), "\(json) → \(message)")
            #expect(message.contains(expected), "\(json) → \(message)")
        }
    }
}

extension GroupFileTests {
    @Test func numbersAndTruthValuesAreNotConfused() {
        #expect(
            problem(#"{"name": "g", "members": [{"name": "Ana", "channel": true}], "slot": "5m"}"#).contains(
                "members[0].channel"))
        #expect(
            problem(#"{"name": "g", "members": [{"name": "Ana"}], "slot": "5m", "chimes": {"enabled": 1}}"#).contains(
                "chimes.enabled\" must be true or false"))
        #expect(
            problem(
                #"{"name": "g", "members": [{"name": "Ana", "channel": 1}], "slot": "5m", "chimes": {"enabled": false}}"#
            ) == "parsed")
    }
}
