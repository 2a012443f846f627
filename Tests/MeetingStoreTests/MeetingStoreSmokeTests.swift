import Testing
@testable import MeetingStore

@Test func MeetingStoreBuilds() { #expect(Bool(true)) }
