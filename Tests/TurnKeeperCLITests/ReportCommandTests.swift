import Foundation
import MeetingStore
import Testing
import TestSupport

/// `turnkeeper report --format html` and `--anonymize`, as a person runs them.
@Suite(.serialized) struct ReportCommandTests {
    @Test func htmlReportToAFileAndAnonymizedToTheTerminal() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let store = try MeetingStore.openFile(at: cli.database.path)
        let id = try store.save(MeetingFixtures.rounds())
        let page = cli.file("meeting.html")

        let html = try cli.run("report", "\(id)", "--format", "html", "--output", page.path)
        let anonymous = try cli.run("report", "--latest", "--format", "html", "--anonymize")
        let markdown = try cli.run("report", "--latest", "--format", "markdown", "--anonymize")

        #expect(html.status == 0 && html.stdout.isEmpty, "\(html.stderr)")
        let written = try String(contentsOf: page, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>") && written.contains("data-participant=\"Caro\""))
        #expect(anonymous.status == 0 && markdown.status == 0, "\(anonymous.stderr)\(markdown.stderr)")
        #expect(anonymous.stdout.contains("data-participant=\"C\""))
        #expect(markdown.stdout.contains("B spoke 43% of the time in a group of four"))
        for name in ["Ana", "Ben", "Caro", "Dev", "tuesday.wav", "Tuesday peers"] {
            #expect(!anonymous.stdout.contains(name) && !markdown.stdout.contains(name), "\(name) in an anonymized report")
        }
    }
}
