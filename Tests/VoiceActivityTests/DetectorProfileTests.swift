import Foundation
import Testing
@testable import VoiceActivity

/// The repository's `Models` folder, found from this file's path (tests run from a checkout).
private let modelsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Models")

@Test func modelsDefaultJSONIsExactlyTheBuiltInProfile() throws {
    let loaded = try DetectorProfile.load("default", searchDirectories: [modelsDirectory])
    #expect(loaded == DetectorProfile.builtIn)
}

@Test func encodingAndDecodingKeepsEveryParameter() throws {
    var profile = DetectorProfile.builtIn
    profile.name = "variant"
    profile.closeTalk.hangoverSeconds = 0.3
    profile.arbiter.bleedGainDB = -9
    profile.scores = ["x.f1": 0.5]
    let data = try JSONEncoder().encode(profile)
    #expect(try DetectorProfile.decode(data, source: "memory") == profile)
}

@Test func unknownKeysAreIgnoredAndMetadataIsOptional() throws {
    var object = try #require(
        JSONSerialization.jsonObject(with: JSONEncoder().encode(DetectorProfile.builtIn)) as? [String: Any])
    object["futureSetting"] = 42
    object["tunedOn"] = nil
    object["scores"] = nil
    let profile = try DetectorProfile.decode(JSONSerialization.data(withJSONObject: object), source: "memory")
    #expect(profile.room == DetectorProfile.builtIn.room)
    #expect(profile.tunedOn.isEmpty && profile.scores.isEmpty)
}

@Test func theStartUpLookBackIsOptionalAndOffWhenLeftOut() throws {
    var object = try #require(
        JSONSerialization.jsonObject(with: JSONEncoder().encode(DetectorProfile.builtIn)) as? [String: Any])
    var room = try #require(object["room"] as? [String: Any])
    room["startLookBackSeconds"] = nil
    object["room"] = room
    let profile = try DetectorProfile.decode(JSONSerialization.data(withJSONObject: object), source: "memory")
    #expect(profile.room.startLookBackSeconds == 0)
    var bad = DetectorProfile.builtIn
    bad.room.startLookBackSeconds = 5
    #expect(throws: DetectorError.self) { try DetectorProfile.decode(JSONEncoder().encode(bad), source: "bad.json") }
}

/// The optional detection keys and where each decodes to.
private let optionalDetectionKeys: [String: any KeyPath<DetectionParameters, Double> & Sendable] = [
    "onsetReachSeconds": \.onsetReachSeconds, "resumeSeconds": \.resumeSeconds,
    "resumeDeviations": \.resumeDeviations, "dryFallDB": \.dryFallDB, "dryRaiseDB": \.dryRaiseDB,
    "dryWaitSeconds": \.dryWaitSeconds, "dryLeadDB": \.dryLeadDB, "shapeProofDB": \.shapeProofDB,
    "shapeVetoFraction": \.shapeVetoFraction, "minOnLevelDB": \.minOnLevelDB,
    "voiceShapeDeviations": \.voiceShapeDeviations, "unbridgedPauseSeconds": \.unbridgedPauseSeconds,
    "dryFallMarginDB": \.dryFallMarginDB, "steadyProofSeconds": \.steadyProofSeconds,
]

@Test(arguments: optionalDetectionKeys.keys.sorted())
func optionalDetectionKeysAreOffWhenLeftOutAndRangeChecked(key: String) throws {
    var object = try #require(
        JSONSerialization.jsonObject(with: JSONEncoder().encode(DetectorProfile.builtIn)) as? [String: Any])
    var section = try #require(object["closeTalk"] as? [String: Any])
    section[key] = nil
    // the shape proof waits as long as the close-voice proof does: without the wait it is unusable
    if key == "dryWaitSeconds" { section["shapeProofDB"] = nil }
    object["closeTalk"] = section
    let profile = try DetectorProfile.decode(JSONSerialization.data(withJSONObject: object), source: "memory")
    let path = try #require(optionalDetectionKeys[key])
    #expect(profile.closeTalk[keyPath: path] == 0)
    section[key] = 99
    object["closeTalk"] = section
    let bad = try JSONSerialization.data(withJSONObject: object)
    do {
        _ = try DetectorProfile.decode(bad, source: "bad.json")
        Issue.record("\(key) = 99 was accepted")
    } catch {
        #expect(error.description.contains(key))
    }
}

@Test func decodeErrorsSayWhatIsWrong() throws {
    #expect(throws: DetectorError.self) { try DetectorProfile.decode(Data("{".utf8), source: "broken.json") }
    do {
        _ = try DetectorProfile.decode(Data(#"{"name": "x", "room": {}}"#.utf8), source: "partial.json")
        Issue.record("a profile without parameters decoded")
    } catch {
        #expect(error.description.contains("partial.json"))
        #expect(error.description.contains("missing"))
    }
    var bad = DetectorProfile.builtIn
    bad.room.offThresholdDB = bad.room.onThresholdDB + 1
    try expectRefused(bad, saying: "offThresholdDB")
    var unwaited = DetectorProfile.builtIn
    unwaited.room.shapeProofDB = 4
    unwaited.room.dryWaitSeconds = 0
    try expectRefused(unwaited, saying: "shapeProofDB needs dryWaitSeconds")
    unwaited.room.shapeProofDB = 0
    unwaited.room.steadyProofSeconds = 0.04
    try expectRefused(unwaited, saying: "steadyProofSeconds needs dryWaitSeconds")
}

/// Encodes `profile` and checks that decoding it fails with a message containing `text`.
private func expectRefused(_ profile: DetectorProfile, saying text: String) throws {
    let data = try JSONEncoder().encode(profile)
    do {
        _ = try DetectorProfile.decode(data, source: "bad.json")
        Issue.record("a profile that should be refused (\(text)) was accepted")
    } catch {
        #expect(error.description.contains(text), "\(error.description)")
    }
}

@Test func loadFindsByNameOrPathAndReportsWhatIsMissing() throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("detector-profile-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var quiet = DetectorProfile.builtIn
    quiet.name = "quiet"
    let file = directory.appendingPathComponent("quiet.json")
    try JSONEncoder().encode(quiet).write(to: file)

    #expect(try DetectorProfile.load("quiet", searchDirectories: [modelsDirectory, directory]) == quiet)
    #expect(try DetectorProfile.load(file.path, searchDirectories: []) == quiet)
    #expect(throws: DetectorError.profileNotFound("loud")) {
        try DetectorProfile.load("loud", searchDirectories: [directory])
    }
    #expect(throws: DetectorError.profileNotFound("/nowhere/x.json")) {
        try DetectorProfile.load("/nowhere/x.json", searchDirectories: [])
    }
}

@Test func oneProfileServesBothSetups() {
    let p = DetectorProfile.builtIn
    #expect(p.detection(forChannelCount: 1) == p.room)
    #expect(p.detection(forChannelCount: 4) == p.closeTalk)
}

@Test func arbiterSettingsAddedLaterAreOptional() throws {
    // A profile written before the correlation bound and the padding trim existed
    let json = #"{"bleedGainDB": -3, "peakDecayDBPerSecond": 150, "onMarginDB": 5, "offMarginDB": 2}"#
    let arbiter = try JSONDecoder().decode(ArbiterParameters.self, from: Data(json.utf8))
    #expect(arbiter.uncorrelatedBleedGainDB == -3 && !arbiter.trimPaddingInCrossTalk)
    #expect(arbiter.keepLoudestMarginDB == 0)
    #expect(!arbiter.learnsPairBleed && arbiter.pairBleedMarginDB == 3 && arbiter.pairBleedSourceDB == 25)
    #expect(arbiter == ArbiterParameters(bleedGainDB: -3, peakDecayDBPerSecond: 150, onMarginDB: 5, offMarginDB: 2))
    var bad = arbiter
    bad.uncorrelatedBleedGainDB = 0
    #expect(bad.problem != nil)
    var negative = arbiter
    negative.keepLoudestMarginDB = -1
    #expect(negative.problem?.contains("keepLoudestMarginDB") == true)
    var unheard = arbiter
    unheard.pairBleedSourceDB = 70
    #expect(unheard.problem?.contains("pairBleedSourceDB") == true)
    var wide = arbiter
    wide.pairBleedMarginDB = -1
    #expect(wide.problem?.contains("pairBleedMarginDB") == true)
}
