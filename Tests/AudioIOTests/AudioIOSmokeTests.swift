import Testing
@testable import AudioIO

@Test func AudioIOBuilds() { #expect(Bool(true)) }
