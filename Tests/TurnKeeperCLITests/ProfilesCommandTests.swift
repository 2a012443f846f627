import Foundation
import Testing
import TestSupport

@Test func theProfileListShowsHeldOutAndStressScoresApart() throws {
    // Given a profile folder with one profile scored on tuning, held-out and stress meetings
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let models = fixture.file("Models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    let shipped = InstalledLayoutTests.models.appendingPathComponent("lapel.json")
    var profile = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as? [String: Any])
    profile["name"] = "scored"
    profile["scores"] = [
        "lapel.tuned.mean.meanSpeakerErrorPercent": 3.21,
        "lapel.heldOut.mean.meanSpeakerErrorPercent": 2.74,
        "lapel.stress.mean.meanSpeakerErrorPercent": 29.4,
    ]
    try JSONSerialization.data(withJSONObject: profile).write(to: models.appendingPathComponent("scored.json"))
    // When the profiles are listed
    let result = try CommandRunner(environment: ["TURNKEEPER_MODELS": models.path]).run(["profiles"])
    // Then each mean is named for what it was measured on
    #expect(result.status == 0)
    #expect(
        result.stdout.contains(
            "lapel speaking-time error 3.2% (held out 2.7%; chatter only one microphone hears 29%)"),
        "\(result.stdout)")
}
