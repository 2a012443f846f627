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

    /// Queues the chime; with `--verbose`, logs how late its first sample reached ALSA in audio
    /// time: the audio read past the cue when it was decided, plus the wait for the playback
    /// queue (real time, which live audio keeps pace with).
    func chime(_ kind: ChimeKind, atFrame: Int64, decidedAfter: Double) {
        let asked = ContinuousClock.now
        let logger = self.logger
        do {
            try playback.play(sounds[kind] ?? []) {
                let wait = asked.duration(to: .now).inSeconds
                let total = Int(((decidedAfter + wait) * 1000).rounded())
                let decided = Int((decidedAfter * 1000).rounded())
                logger.debug(
                    "\(kind.rawValue) chime reached ALSA \(total) ms of audio after its cue (decided after \(decided) ms)")
            }
        } catch {
            logger.error("chime not played: \(error)")
        }
    }

    /// Lets the last chime finish and closes the device.
    func close() { playback.close() }
}
