import Testing
@testable import VoiceActivity

@Test func VoiceActivityBuilds() { #expect(Bool(true)) }
