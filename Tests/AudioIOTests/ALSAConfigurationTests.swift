import AudioIO
import Foundation
import TestSupport
import Testing

struct ALSAConfigurationTests {
    @Test func textALSACannotReadIsRefusedWithAMessage() {
        #expect(throws: AudioIOError.self) { try ALSAConfiguration(text: "pcm.broken { type file; slave.pcm \"null\"") }
        do {
            _ = try ALSAConfiguration(text: "pcm.x { { {")
        } catch let error as AudioIOError {
            guard case .invalidALSAConfiguration = error else {
                Issue.record("expected invalidALSAConfiguration, got \(error)")
                return
            }
            #expect(error.description.contains("ALSA configuration"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func quotingEscapesWhatALSAWouldMisread() {
        #expect(ALSAConfiguration.quoted("/tmp/a b.raw") == "\"/tmp/a b.raw\"")
        #expect(ALSAConfiguration.quoted("x\"y\\z") == "\"x\\\"y\\\\z\"")
    }

    @Test func aPathWithSpacesAndQuotesStillOpens() throws {
        let folder = try makeTemporaryDirectory("alsa \"quoted\" dir")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("in put.raw")
        try ALSAFixtures.writeRaw([0.5, -0.5, 0.25, 0], to: url)
        let config = try ALSAConfiguration.fileCapture(name: "tkq", rawFile: url.path)
        let source = try ALSACaptureSource(devices: ["tkq"], periodFrames: 4, configuration: config)
        let (captured, _) = try ALSAFixtures.capture(source, frames: 4)
        #expect(captured == [0.5, -0.5, 0.25, 0])
    }

    @Test func withoutAConfigurationTheMachinesOwnIsUsed() throws {
        let source = try ALSACaptureSource(devices: ["null"], periodFrames: 160)
        let (captured, reads) = try ALSAFixtures.capture(source, frames: 480)
        #expect(reads == [160, 160, 160])
        #expect(captured.allSatisfy { $0 == 0 })
    }

    @Test func theGlobalNamesStillResolve() throws {
        // `null` comes from alsa.conf, which the configuration is built on.
        let config = try ALSAConfiguration(text: "")
        let source = try ALSACaptureSource(devices: ["null"], periodFrames: 160, configuration: config)
        let (captured, _) = try ALSAFixtures.capture(source, frames: 160)
        #expect(captured.count == 160 && captured.allSatisfy { $0 == 0 })
    }
}
