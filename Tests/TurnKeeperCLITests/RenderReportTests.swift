import Foundation
import MeetingStore
import TestSupport
import Testing

/// `scripts/render-report`: an HTML report rendered by headless Chromium is a real picture,
/// not a blank page. Runs when Chromium is installed, and always in CI (where a missing
/// Chromium is a failure: scripts/install-deps.sh installs it).
@Suite(.serialized) struct RenderReportTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/render-report")

    static var chromiumPresent: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var shouldRun: Bool { ProcessInfo.processInfo.environment["CI"] != nil || chromiumPresent }

    @Test(.enabled(if: shouldRun, "needs chromium (scripts/install-deps.sh) or CI"))
    func aRenderedReportIsNotBlank() throws {
        // Given a stored meeting's HTML report
        let cli = try CLIFixture()
        defer { cli.remove() }
        let store = try MeetingStore.openFile(at: cli.database.path)
        let id = try store.save(MeetingFixtures.openFloorLapel())
        let html = cli.file("report.html")
        let report = try cli.run("report", "\(id)", "--format", "html", "--output", html.path)
        #expect(report.status == 0, "\(report.stderr)")

        // When the script renders it
        let png = cli.file("report.png")
        let process = Process()
        process.executableURL = Self.script
        process.arguments = [html.path, png.path, "420x760"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()

        // Then it is a PNG of that size with a real picture in it
        #expect(process.terminationStatus == 0)
        let image = try PNGSummary(Data(contentsOf: png))
        #expect(image.width == 420 && image.height == 760)
        #expect(image.distinctColours >= 20, "only \(image.distinctColours) colours: a blank page?")
        #expect(
            image.nonBackgroundFraction > 0.03,
            "\(image.nonBackgroundFraction) of the pixels differ from the background")
    }
}
