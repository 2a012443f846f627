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
    // Then it is listed beside the shipped ones, each mean named for what it was measured on
    #expect(result.status == 0)
    #expect(result.stdout.contains("scored ") && result.stdout.contains("noisy-room "), "\(result.stdout)")
    #expect(
        result.stdout.contains(
            "lapel speaking-time error 7.7% (3.0% with anyone under 10 s judged in seconds; held out 1.1%; "
                + "chatter only one microphone hears 55%)"),
        "\(result.stdout)")
}
