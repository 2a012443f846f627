import Foundation
import MeetingStore
import TestSupport
import Testing

/// `turnkeeper series report`, end to end: six meetings analysed with --group and
/// --facilitator, one member arriving late, then the report in every format.
@Suite(.serialized) struct SeriesCommandTests {
    static let facilitators = ["Ana", "Ben", "Caro", "Ana", "Ben", "Caro"]

    /// Analyses six per-person recordings of the demo into the group "Tuesday peers"; Dev
    /// arrives late (39.5 s, with late meaning after 35 s) in meetings 2 and 5.
    static func analyzeSix(_ cli: CLIFixture) throws {
        let early = cli.file("early.wav")
        let late = cli.file("late.wav")
        try PerPersonRecording.write(to: early, devEarly: true)
        try PerPersonRecording.write(to: late, devEarly: false)
        for (index, facilitator) in facilitators.enumerated() {
            let wav = index == 1 || index == 4 ? late : early
            let result = try cli.run(
                "analyze", wav.path, "--participants", "Ana,Ben,Caro,Dev", "--mode", "open",
                "--group", "Tuesday peers", "--facilitator", facilitator, "--quiet")
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func analyzedMeetingsFormASeriesInEveryFormat() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        try Self.analyzeSix(cli)

        let result = try cli.run(
            "series", "report", "--group", "Tuesday peers", "--late-after", "35s", "--format", "json")

        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(meetings.map { $0["facilitator"] as? String } == Self.facilitators)
        #expect(
            meetings.allSatisfy {
                ($0["gini"] as? Double).map { $0 >= 0 && $0 < 1 } == true && $0["startedAt"] is String
            })
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.map { $0["name"] as? String } == ["Ana", "Ben", "Caro", "Dev"])
        #expect(members.map { $0["timesLate"] as? Int } == [0, 0, 0, 2])
        #expect(members.map { $0["meetingsAttended"] as? Int } == [6, 6, 6, 6])
        // One microphone each: every meeting has per-person shares, Caro speaking least.
        #expect(meetings.allSatisfy { $0["perPersonShares"] as? Bool == true })
        let shares = members.compactMap { $0["meanShare"] as? Double }
        #expect(shares.count == 4 && shares.allSatisfy { $0 > 0.03 } && shares.min() == shares[2])
        #expect(object["nextFacilitator"] as? String == "Dev")
        let review = try #require(object["review"] as? [String: Any])
        #expect(review["due"] as? Bool == true)
        let items = try #require(review["items"] as? [[String: Any]])
        #expect(
            items.first { $0["topic"] as? String == "attendance" }?["finding"] as? String
                == "No: Dev arrived late twice.")

        // Every format, plain and anonymized (the same six meetings: analysing is the slow part).
        for format in ["text", "markdown", "csv", "html"] {
            let plain = try cli.run(
                "series", "report", "--group", "Tuesday peers", "--format", format, "--late-after", "35s")
            let anonymous = try cli.run(
                "series", "report", "--group", "Tuesday peers", "--format", format, "--anonymize")
            #expect(plain.status == 0 && anonymous.status == 0, "\(plain.stderr)\(anonymous.stderr)")
            #expect(plain.stdout.contains("Dev"))
            for name in ["Ana", "Ben", "Caro", "Dev", "Tuesday", "early.wav"] {
                #expect(!anonymous.stdout.contains(name), "\(name) in the anonymized \(format) series")
            }
        }
        let text = try cli.run("series", "report", "--group", "Tuesday peers", "--last", "3", "--late-after", "35s")
        #expect(text.stdout.contains("3 meetings"))
        #expect(text.stdout.contains("Dev arrived late once"))
        #expect(text.stdout.contains("Next facilitator: Dev (has not facilitated yet)"))
    }

    @Test func unknownGroupAndBadOptionsFailCleanly() throws {
        let cli = try CLIFixture()
        defer { cli.remove() }
        let analyze = try cli.run(
            "analyze", DemoMeeting.wav.path, "--participants", "Ana,Ben,Caro,Dev", "--group", "Book club", "--quiet")
        #expect(analyze.status == 0, "\(analyze.stderr)")

        let unknown = try cli.run("series", "report", "--group", "Tuesday peers")
        #expect(unknown.isCleanFailure)
        #expect(unknown.stderr.contains("there is no group \"Tuesday peers\"") && unknown.stderr.contains("Book club"))
        for arguments in [["--last", "0"], ["--review-after", "0"], ["--late-after", "-5m"], ["--format", "pdf"]] {
            let result = try cli.runner.run(["series", "report", "--group", "Book club"] + arguments)
            #expect(result.isCleanFailure, "\(arguments)")
        }
    }
}
