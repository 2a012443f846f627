import Testing
@testable import Facilitation

@Test func FacilitationBuilds() { #expect(Bool(true)) }
