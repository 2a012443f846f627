import Foundation
import Testing
import TestSupport

private let synthesisToolsPresent: Bool = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return ["python3", "espeak-ng", "sox"].allSatisfy { tool in
        folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}()

private func jsonObject(_ url: URL) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

@Test(.enabled(if: synthesisToolsPresent), .timeLimit(.minutes(5)))
func theTunerImprovesABadProfileOnItsTuningFilesAndOnlyScoresTheHeldOutOne() throws {
    // Given a labelled set of two short room meetings, one to tune on ("s-") and one held out
    // ("h-"), and a start profile whose on threshold is far too high
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let set = fixture.file("set")
    for (id, seed, noise, snr) in [("s-a", "3", "pink", "5"), ("h-b", "4", "brown", "12")] {
        let made = try runProjectScript("synthesize-meeting", [
            "--seed", seed, "--speakers", "2", "--duration", "15", "--mic", "room", "--noise", noise,
            "--snr", snr, "--name", id, "--out", set.appendingPathComponent("corpus/\(id)").path,
        ])
        try #require(made.status == 0, "\(made.output)")
    }
    var start = try jsonObject(InstalledLayoutTests.models.appendingPathComponent("default.json"))
    var room = try #require(start["room"] as? [String: Any])
    room["onThresholdDB"] = 19.5
    room["offThresholdDB"] = 11.5
    room["onFractionOfLevel"] = 0.9
    start["room"] = room
    let startFile = fixture.file("start.json")
    try JSONSerialization.data(withJSONObject: start).write(to: startFile)
    func tune(_ extra: [String], out: String) throws -> [String: Any] {
        let result = try runProjectScript("tune-detector", [
            "--set", set.path, "--setup", "room", "--start", startFile.path, "--name", "tuned",
            "--turnkeeper", fixture.runner.executable.path, "--out", fixture.file(out).path,
        ] + extra)
        try #require(result.status == 0, "\(result.output)")
        return try jsonObject(fixture.file(out))
    }
    // When it is only scored, and when it is tuned for one round
    let scored = try tune(["--evaluate-only"], out: "scored.json")
    let tuned = try tune(["--rounds", "1"], out: "tuned.json")
    // Then scoring leaves the parameters alone…
    let scoredRoom = try #require(scored["room"] as? [String: Any])
    #expect(scoredRoom["onThresholdDB"] as? Double == 19.5)
    // …and tuning finds more of the speech on the tuning file, with a lower threshold
    let before = try #require(scored["scores"] as? [String: Double])
    let after = try #require(tuned["scores"] as? [String: Double])
    let f1Before = try #require(before["s-a.f1"]), f1After = try #require(after["s-a.f1"])
    #expect(f1After > f1Before + 0.05, "F1 \(f1Before) -> \(f1After)")
    let tunedRoom = try #require(tuned["room"] as? [String: Any])
    #expect(try #require(tunedRoom["onThresholdDB"] as? Double) < 19.5)
    // The held-out meeting is scored but never tuned on
    #expect(tuned["tunedOn"] as? [String] == ["s-a"])
    #expect(after["h-b.f1"] != nil && after["room.heldOut.mean.f1"] != nil)
    // And the profile it wrote is one the program accepts
    let analysed = try fixture.run(
        "analyze", set.appendingPathComponent("corpus/h-b/meeting.wav").path, "--quiet",
        "--profile", fixture.file("tuned.json").path)
    #expect(analysed.status == 0, "\(analysed.stderr)")
}
