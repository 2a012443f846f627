import Foundation
import TestSupport
import Testing

struct DevicesCommandTests {
    @Test func listsTheDevicesOfTheALSAConfigurationLikeArecord() throws {
        // Given an ALSA configuration with a file-backed microphone that describes itself
        let folder = try makeTemporaryDirectory("devices")
        defer { try? FileManager.default.removeItem(at: folder) }
        let definitions =
            "pcm.tablemic { type file; slave.pcm \"null\"; file \"/dev/null\"; infile \"/dev/zero\"; format \"raw\"; hint.description \"Table microphone\" }\n"
        let config = try ALSAFixtures.configFile(definitions: definitions, in: folder)
        let runner = try CommandRunner(environment: ALSAFixtures.environment(configFile: config))
        // When the devices are listed
        let result = try runner.run(["devices"])
        // Then each name is on its own line with its description indented below
        #expect(result.status == 0)
        #expect(result.stdout.contains("tablemic\n    Table microphone\n"))
        #expect(result.stdout.contains("null\n    Discard all samples"))
        // And the cards section says what there is, or that there is none and what to check
        let cards = (try? String(contentsOfFile: "/proc/asound/cards", encoding: .utf8)) ?? ""
        if cards.contains("[") {
            #expect(result.stdout.contains("Sound cards:\nhw:0"))
        } else {
            #expect(result.stdout.contains("No sound card found"))
        }
    }

    @Test func captureAndPlaybackTogetherIsRefused() throws {
        let result = try CommandRunner().run(["devices", "--capture", "--playback"])
        #expect(result.isCleanFailure)
        #expect(result.stderr.contains("at most one"))
    }
}
