import Foundation
import Testing
import TestSupport

@Test func theProfileListShowsHeldOutAndStressScoresApart() throws {
    // Given a profile folder of one's own ($TURNKEEPER_MODELS, no default.json in it) with one
    // profile scored on tuning, held-out and stress meetings
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let models = fixture.file("Models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    let shipped = InstalledLayoutTests.models.appendingPathComponent("lapel.json")
    var profile = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as? [String: Any])
    profile["name"] = "scored"
    profile["scores"] = [
        "lapel.tuned.mean.meanSpeakerErrorPercent": 7.71,
        "lapel.tuned.mean.meanSpeakerErrorAtLeast10sPercent": 3.02,
        "lapel.heldOut.mean.meanSpeakerErrorPercent": 1.14,
        "lapel.stress.mean.meanSpeakerErrorPercent": 55.4,
    ]
    try JSONSerialization.data(withJSONObject: profile).write(to: models.appendingPathComponent("scored.json"))
    // When the profiles are listed
    let result = try CommandRunner(environment: ["TURNKEEPER_MODELS": models.path]).run(["profiles"])
    // Then it is listed beside the shipped ones, each mean named for what it was measured on…
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("scored  ") } && lines.contains { $0.hasPrefix("noisy-room  ") }, "\(result.stdout)")
    let flowing = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    #expect(
        flowing.contains(
            "lapel speaking-time error 7.7% (3.0% with anyone under 10 s judged in seconds; held out 1.1%; "
                + "chatter only one microphone hears 55%)"),
        "\(result.stdout)")
    // …in lines that fit an 80-column terminal (all but each profile's name and file path)
    #expect(lines.filter { $0.hasPrefix(" ") }.allSatisfy { $0.count <= 80 }, "\(result.stdout)")
}
