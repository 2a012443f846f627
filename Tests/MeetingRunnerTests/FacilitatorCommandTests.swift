import MeetingRunner
import Testing

@Suite struct FacilitatorCommandTests {
    @Test func linesOfTheProtocolParse() throws {
        #expect(try FacilitatorCommand(parsing: "next") == .next)
        #expect(try FacilitatorCommand(parsing: "  pause ") == .pause)
        #expect(try FacilitatorCommand(parsing: "resume") == .resume)
        #expect(try FacilitatorCommand(parsing: "extend 2m") == .extend(seconds: 120))
        #expect(try FacilitatorCommand(parsing: "extend") == .extend(seconds: 60))
        #expect(try FacilitatorCommand(parsing: "arrive Ana Lucia") == .arrive(name: "Ana Lucia"))
        #expect(try FacilitatorCommand(parsing: "arrive") == .arrive(name: nil))
        #expect(try FacilitatorCommand(parsing: "END") == .end)
    }

    @Test func badLinesSayWhatIsAccepted() {
        #expect(throws: ControlError.unknown("dance")) { try FacilitatorCommand(parsing: "dance") }
        #expect(throws: ControlError.self) { try FacilitatorCommand(parsing: "extend soon") }
        let message = ControlError.unknown("dance").description
        #expect(message.contains("next") && message.contains("extend 2m"))
    }

    @Test func keysMapToCommands() {
        #expect(FacilitatorCommand(key: "n") == .next)
        #expect(FacilitatorCommand(key: "P") == .togglePause)
        #expect(FacilitatorCommand(key: "e") == .extend(seconds: 60))
        #expect(FacilitatorCommand(key: "a") == .arrive(name: nil))
        #expect(FacilitatorCommand(key: "q") == .end)
        #expect(FacilitatorCommand(key: "x") == nil)
    }

    @Test func textRoundTrips() throws {
        for command: FacilitatorCommand in [
            .next, .pause, .resume, .extend(seconds: 90), .arrive(name: "Ben"), .end, .status,
        ] {
            #expect(try FacilitatorCommand(parsing: command.text) == command)
        }
    }
}
