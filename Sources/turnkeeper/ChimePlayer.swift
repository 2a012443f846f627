import AudioIO
import Logging
import MeetingRunner

/// Plays the chimes on an ALSA playback device. `ALSAPlayback` queues each chime on a thread
/// of its own, so the meeting never waits for one to sound; the samples are synthesized once.
final class ChimePlayer: ChimeSink, @unchecked Sendable {
    private let playback: ALSAPlayback
    private let sounds: [ChimeKind: [Float]]
    private let logger: Logger

    /// Opens `device` for chimes at `volume` (0…1).
    init(device: String, volume: Double, logger: Logger) throws {
        playback = try ALSAPlayback(device: device)
        for warning in playback.warnings { logger.warning("\(warning)") }
        var sounds: [ChimeKind: [Float]] = [:]
        for kind in ChimeKind.allCases {
            sounds[kind] = Self.chime(kind).samples(sampleRate: playback.sampleRate, volume: Float(volume))
        }
        self.sounds = sounds
        self.logger = logger
    }

    /// The AudioIO sound for a runner's chime kind.
    static func chime(_ kind: ChimeKind) -> Chime {
        switch kind {
        case .warning: return .warning
        case .timeUp: return .timeUp
        case .crossTalk: return .crossTalk
        }
    }

    func chime(_ kind: ChimeKind, atFrame: Int64) {
        do {
            try playback.play(sounds[kind] ?? [])
        } catch {
            logger.error("chime not played: \(error)")
        }
    }

    /// Lets the last chime finish and closes the device.
    func close() { playback.close() }
}
