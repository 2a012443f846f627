import Facilitation
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [("90s", 90.0), ("5m", 300), ("1h30m", 5400), ("2m30s", 150), ("2.5m", 150), (" 20M ", 1200), ("24h", 86400)])
    func readsWhatPeopleType(text: String, seconds: Double) throws {
        #expect(try DurationText.seconds(from: text) == seconds)
    }

    @Test(arguments: ["", "5", "-5m", "99999h", "0s", "5x", "m", "30m1h", "1h1h", "1.2.3s"])
    func refusesWhatIsNotADuration(text: String) {
        #expect(throws: DurationText.ParseError.self) { try DurationText.seconds(from: text) }
    }

    @Test func errorsSayWhatToType() {
        #expect(throws: DurationText.ParseError(text: "5", reason: "give a unit: 5s, 5m or 5h")) {
            try DurationText.seconds(from: "5")
        }
    }

    @Test(arguments: [(45.0, "45s"), (725, "12m05s"), (3720, "1h02m"), (59.6, "1m00s")])
    func formatsForPeople(seconds: Double, text: String) {
        #expect(DurationText.format(seconds) == text)
    }
}
