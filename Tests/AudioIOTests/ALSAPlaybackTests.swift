import AudioIO
import Foundation
import TestSupport
import Testing

/// Playback through real libasound into a WAV written by ALSA's `file` plugin.
final class ALSAPlaybackTests {
    let folder: URL

    deinit { try? FileManager.default.removeItem(at: folder) }

    init() throws { folder = try makeTemporaryDirectory("alsa-playback") }

    /// Plays `chimes` on a file-backed device at `rate` and returns what the WAV holds.
    func playIntoWAV(_ chimes: [[Float]], rate: Int = 48000) throws -> (samples: [Float], format: AudioFormat) {
        let wav = folder.appendingPathComponent("chimes-\(UUID().uuidString).wav")
        let config = try ALSAConfiguration.filePlayback(name: "tkchime", wavFile: wav.path)
        let playback = try ALSAPlayback(device: "tkchime", sampleRate: rate, configuration: config)
        #expect(playback.sampleRate == rate)
        #expect(playback.device == "tkchime")
        for chime in chimes { try playback.play(chime) }
        playback.close()
        return try ALSAFixtures.readPlayback(wav)
    }

    @Test(arguments: Chime.allCases)
    func eachChimeReachesTheDeviceSampleForSample(chime: Chime) throws {
        let samples = chime.samples(sampleRate: 48000, volume: 0.8)
        let (written, format) = try playIntoWAV([samples])
        #expect(format == AudioFormat(sampleRate: 48000, channelCount: 1))
        #expect(written.count == samples.count)
        // 16-bit on the way: within half a quantisation step (rounded), and far from silent.
        #expect(ALSAFixtures.mismatch(written, samples, tolerance: WAVFixture.Encoding.pcm16.tolerance / 2) == nil)
        #expect(Spectrum.rms(written) > 0.05)
    }

    @Test func theWarningToneInThePlaybackFileHasItsPitch() throws {
        let samples = Chime.warning.samples(sampleRate: 16000, volume: 1)
        let (written, _) = try playIntoWAV([samples], rate: 16000)
        let note = Int(0.3 * 16000)
        #expect(abs(Spectrum.dominant(Array(written.prefix(note)), sampleRate: 16000) - Chime.warningTones.first) <= 5)
        #expect(abs(Spectrum.dominant(Array(written.suffix(note)), sampleRate: 16000) - Chime.warningTones.second) <= 5)
    }

    @Test func chimesPlayedInARowFollowEachOther() throws {
        let warning = Chime.warning.samples(sampleRate: 48000, volume: 0.5)
        let tick = Chime.crossTalk.samples(sampleRate: 48000, volume: 0.5)
        let bell = Chime.timeUp.samples(sampleRate: 48000, volume: 0.5)
        let (written, _) = try playIntoWAV([warning, tick, bell])
        #expect(written.count == warning.count + tick.count + bell.count)
        #expect(
            ALSAFixtures.mismatch(written, warning + tick + bell, tolerance: WAVFixture.Encoding.pcm16.tolerance / 2)
                == nil)
    }

    @Test func aDeviceWithoutMonoGetsTheChimeOnBothChannels() throws {
        let wav = folder.appendingPathComponent("stereo.wav")
        let text = ALSAFixtures.stereoOnlyPlaybackDefinition(name: "tkstereo", wavFile: wav.path)
        let playback = try ALSAPlayback(
            device: "tkstereo", sampleRate: 48000, configuration: try ALSAConfiguration(text: text))
        #expect(playback.warnings == ["tkstereo takes no mono; chimes play on both channels"])
        let tick = Chime.crossTalk.samples(sampleRate: 48000, volume: 1)
        try playback.play(tick)
        playback.close()
        let (written, format) = try ALSAFixtures.readPlayback(wav)
        #expect(format.channelCount == 2)
        let tolerance = WAVFixture.Encoding.pcm16.tolerance / 2
        #expect(
            ALSAFixtures.mismatch(
                stride(from: 0, to: written.count, by: 2).map { written[$0] }, tick, tolerance: tolerance) == nil)
        #expect(
            ALSAFixtures.mismatch(
                stride(from: 1, to: written.count, by: 2).map { written[$0] }, tick, tolerance: tolerance) == nil)
    }

    @Test func playAfterCloseFailsWithTheDeviceName() throws {
        let wav = folder.appendingPathComponent("closed.wav")
        let config = try ALSAConfiguration.filePlayback(name: "tkchime", wavFile: wav.path)
        let playback = try ALSAPlayback(device: "tkchime", sampleRate: 48000, configuration: config)
        playback.close()
        playback.close()
        #expect(throws: AudioIOError.self) { try playback.play([0, 0.1, 0]) }
    }

    @Test func anUnknownPlaybackDeviceGivesAClearError() throws {
        #expect(throws: AudioIOError.deviceNotFound(device: "tk-no-speaker", direction: .playback)) {
            try ALSAPlayback(device: "tk-no-speaker", configuration: try ALSAConfiguration(text: ""))
        }
    }
}
