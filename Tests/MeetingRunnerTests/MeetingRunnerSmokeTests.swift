import Testing
@testable import MeetingRunner

@Test func MeetingRunnerBuilds() { #expect(Bool(true)) }
