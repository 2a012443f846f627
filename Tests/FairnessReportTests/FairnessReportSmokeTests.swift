import Testing
@testable import FairnessReport

@Test func FairnessReportBuilds() { #expect(Bool(true)) }
