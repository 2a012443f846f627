import Foundation

/// A tuned parameter set for the detector, loaded from `Models/NAME.json`.
///
/// One profile serves both setups: `room` drives detection when there is one channel (a
/// microphone on the table), `closeTalk` when there are several (one microphone per person),
/// where `arbiter` also rejects bleed between channels. Unknown keys in the JSON are ignored;
/// `description`, `tunedOn` and `scores` may be left out; every parameter must be present.
public struct DetectorProfile: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    /// The recordings the parameters were tuned on (file ids of the evaluation corpus).
    public var tunedOn: [String]
    /// Measured quality, e.g. `"sample.f1"` or `"m04.maxSpeakerError"`; for information only.
    public var scores: [String: Double]
    /// Detection on a single room microphone.
    public var room: DetectionParameters
    /// Detection on each channel when every person has their own microphone.
    public var closeTalk: DetectionParameters
    /// Cross-channel bleed rejection, used with more than one channel.
    public var arbiter: ArbiterParameters

    public init(
        name: String, description: String, tunedOn: [String] = [], scores: [String: Double] = [:],
        room: DetectionParameters, closeTalk: DetectionParameters, arbiter: ArbiterParameters
    ) {
        self.name = name
        self.description = description
        self.tunedOn = tunedOn
        self.scores = scores
        self.room = room
        self.closeTalk = closeTalk
        self.arbiter = arbiter
    }

    private enum CodingKeys: String, CodingKey {
        case name, description, tunedOn, scores, room, closeTalk, arbiter
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        tunedOn = try c.decodeIfPresent([String].self, forKey: .tunedOn) ?? []
        scores = try c.decodeIfPresent([String: Double].self, forKey: .scores) ?? [:]
        room = try c.decode(DetectionParameters.self, forKey: .room)
        closeTalk = try c.decode(DetectionParameters.self, forKey: .closeTalk)
        arbiter = try c.decode(ArbiterParameters.self, forKey: .arbiter)
    }

    /// The parameters that apply to a stream with `channelCount` channels.
    public func detection(forChannelCount channelCount: Int) -> DetectionParameters {
        channelCount > 1 ? closeTalk : room
    }

    /// Decodes a profile from JSON bytes; `source` names the bytes in error messages.
    public static func decode(_ data: Data, source: String) throws(DetectorError) -> DetectorProfile {
        let profile: DetectorProfile
        do {
            profile = try JSONDecoder().decode(DetectorProfile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw .profileUnreadable(source, reason: "the key '\(path)' is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .profileUnreadable(source, reason: "'\(path)' has the wrong type")
        } catch {
            throw .profileUnreadable(source, reason: "not valid JSON (\(error.localizedDescription))")
        }
        if let problem = profile.room.problem ?? profile.closeTalk.problem ?? profile.arbiter.problem {
            throw .profileUnreadable(source, reason: problem)
        }
        return profile
    }

    /// Loads a profile by name (looked up as `NAME.json` in `searchDirectories`, in order) or
    /// by path (anything containing `/` or ending in `.json`).
    public static func load(_ nameOrPath: String, searchDirectories: [URL]) throws(DetectorError) -> DetectorProfile {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        let candidates = isPath
            ? [URL(fileURLWithPath: nameOrPath)]
            : searchDirectories.map { $0.appendingPathComponent("\(nameOrPath).json") }
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .profileUnreadable(url.path, reason: "cannot read the file")
            }
            return try decode(data, source: url.path)
        }
        throw .profileNotFound(nameOrPath)
    }
}

/// Per-channel detection: floor tracking, thresholds, and how runs of speech are shaped.
///
/// Levels are in dB above the channel's noise floor, averaged over four sub-bands.
public struct DetectionParameters: Codable, Sendable, Equatable {
    /// High-pass corner of the lowest sub-band (Hz): hum and rumble below it are ignored.
    public var lowCutHz: Double
    /// The floor is the minimum level over this window (s)…
    public var floorWindowSeconds: Double
    /// …but rises no faster than this (dB/s), so it cannot climb onto long speech.
    public var floorRiseDBPerSecond: Double
    /// Speech starts above this score (dB above floor), whatever the recent speech level.
    public var onThresholdDB: Double
    /// Speech continues while the score stays above this (dB).
    public var offThresholdDB: Double
    /// Which quantile of the recent score the speech level follows (0.5–0.99).
    public var levelQuantile: Double
    /// How fast the speech level follows the score (dB per 10 ms step).
    public var levelStepDB: Double
    /// The on threshold is at least this fraction of the speech level.
    public var onFractionOfLevel: Double
    /// The off threshold is at least this fraction of the speech level.
    public var offFractionOfLevel: Double
    /// Runs shorter than this (s) are dropped (clicks, knocks).
    public var minSpeechSeconds: Double
    /// Confirmed runs start this much earlier (s), to catch soft onsets.
    public var preRollSeconds: Double
    /// A pause this short (s) between two runs is filled, once the second run is confirmed.
    public var bridgeSeconds: Double
    /// Speech is held this long (s) after the score falls, for soft word endings.
    public var hangoverSeconds: Double
    /// Speech must also beat the noise's own recent score by this many of its deviations
    /// (0 = off). Fluctuating noise such as distant chatter scores well above its floor; this
    /// raises the threshold there and leaves it alone in steady noise. Optional in the JSON.
    public var noiseDeviations: Double = 0
    /// How fast the noise score's mean and deviation follow (s); used with `noiseDeviations`.
    public var noiseTrackSeconds: Double = 2
    /// At the start, the first hops are only measured, and decided once this much audio (s)
    /// has shown the floor (0 = off). Speech that starts with the audio would otherwise be
    /// scored against a floor measured on that speech and missed until the first pause; the
    /// price is that the first decisions come this much later, once. Optional in the JSON.
    public var startLookBackSeconds: Double = 0
    /// A confirmed run also starts up to this much earlier (s) where the score was already
    /// above the off threshold just before it: the rise of the first word, as the off threshold
    /// already keeps the fall of the last (0 = off; never further back than the look-ahead).
    /// Optional in the JSON.
    public var onsetReachSeconds: Double = 0
    /// Within this long (s) after speech, a score that clears the off threshold resumes it, as if
    /// the hysteresis had never let go: quiet syllables after a breath, which never reach the on
    /// threshold on their own (0 = off). Optional in the JSON.
    public var resumeSeconds: Double = 0
    /// …provided the score also beats the noise's own recent score by this many of its
    /// deviations, so that chatter hovering near the off threshold does not resume speech.
    /// Optional in the JSON.
    public var resumeDeviations: Double = 0
    /// A close microphone hears its wearer nearly dry: after a syllable the score falls fast.
    /// Chatter from across the room is reverberant and falls slowly. A fall of at least this
    /// much (dB) within 80 ms from a peak above the on threshold marks the channel as having
    /// just heard a close voice (0 = off). Optional in the JSON.
    public var dryFallDB: Double = 0
    /// …and a channel that has not shown such a fall for `dryMemorySeconds` needs this much
    /// more (dB) to start speech. Optional in the JSON.
    public var dryRaiseDB: Double = 0
    /// How long (s) a fast fall counts. Optional in the JSON (2.5).
    public var dryMemorySeconds: Double = 2.5
    /// A run on a channel that has not shown a fast fall within `dryProofSeconds` is kept only
    /// once it shows one, or stands `dryLeadDB` above the other channels, or has lasted this
    /// long (s): a burst of chatter that dies away slowly is dropped (0 = off). Proof that
    /// comes within the look-ahead keeps the run's start. Optional in the JSON.
    public var dryWaitSeconds: Double = 0
    /// How recent a fast fall must be to prove a new run (s). Optional in the JSON (1).
    public var dryProofSeconds: Double = 1
    /// A run is also proven where its score stands this far (dB) above the median of the other
    /// channels' scores: chatter reaches every microphone alike, a wearer's voice mainly their
    /// own (0 = only the fall proves a run). Optional in the JSON.
    public var dryLeadDB: Double = 0
    /// A fast fall proves a run only where it is at least this much (dB) larger than the median
    /// of the other channels' falls over the same 80 ms, counting only channels not carrying
    /// their own wearer's voice, and only where there are two or more of those. Chatter from
    /// the room reaches every microphone, so its syllables fall on all of them at once; a
    /// wearer's fall reaches the others only as bleed near their floors, which cannot fall far
    /// (0 = any fast fall proves). The raise (`dryRaiseDB`) still follows any fast fall.
    /// Optional in the JSON.
    public var dryFallMarginDB: Double = 0
    /// A run is kept only once it shows a stretch shaped like voiced speech: for a whole frame
    /// (3 hops) above the off threshold, the higher of the two lowest bands' levels (up to 1 kHz
    /// at 16 kHz) stands this far (dB) over the top band's (2–4 kHz). Vowels carry their energy
    /// low; clothing rustle, paper and typing are broadband or brighter, so a burst of them
    /// alone proves nothing. Levels, not scores above the floor: babble's floor is shaped like
    /// speech itself. The stretch may come up to `shapeProofSeconds` before the run or anywhere
    /// in it (a bright syllable is proven by the vowel next to it). Waits as the close-voice
    /// proof does, at most `dryWaitSeconds` (which must then be set); with both, a run needs
    /// both (0 = off). Optional in the JSON.
    public var shapeProofDB: Double = 0
    /// How recent a stretch shaped like voiced speech must be to prove a new run (s). Optional in
    /// the JSON (1).
    public var shapeProofSeconds: Double = 1
    /// The shape proof's stretch must instead be this long (s), every hop of it clearing the on
    /// threshold (the level that starts speech, not just the off threshold that keeps it going),
    /// and with `shapeProofDB` 0 it needs no vowel shape: a run is kept only once it shows a
    /// sound held this loud for this long, up to `shapeProofSeconds` before it or anywhere in it.
    /// A key click or a peak of babble clears the on threshold for a hop or two, the vowels of
    /// the speech at the table for longer. Waits as the shape proof does, at most
    /// `dryWaitSeconds` (0 = off: the stretch is 30 ms above the off threshold). Optional in the
    /// JSON.
    public var steadyProofSeconds: Double = 0
    /// A run is taken back (where not yet released, with its bridge and hangover) once it has
    /// lasted `shapeVetoSeconds` and at least this fraction of its hops were brighter than any
    /// vowel: the top band's level above both of the two lowest bands'. Rustle next to a
    /// microphone stays bright throughout; speech is bright only in its fricatives (0 = off).
    /// Optional in the JSON.
    public var shapeVetoFraction: Double = 0
    /// How long (s) a run must last before the veto judges it. Optional in the JSON (0.2).
    public var shapeVetoSeconds: Double = 0.2
    /// Speech cannot start on a hop quieter than this: the mean of the four bands' frame levels
    /// (each a mean power per sample, in dB relative to full scale; for speech about 10 dB below
    /// its 10 ms level over the whole band). Against a near-silent floor (a headset mix, a gated
    /// microphone) breathing and far-off voices stand well above the floor yet 30-45 dB below
    /// the talk at the table, and lack its high bands. Only a start is held back: a run carries
    /// on below it down to the off threshold (0 = off). Optional in the JSON.
    public var minOnLevelDB: Double = 0
    /// A hop is held back, on a channel that says speech, while its shape smoothed over
    /// `voiceShapeSeconds` (the higher of the two lowest bands' levels over the top band's, in
    /// dB) stands this many deviations below the channel's own voice: the mean and deviation of
    /// that smoothed shape over the channel's kept speech, learned over about 5 s of it from a
    /// start of 9 ± 3 dB (a flatter hop counts as at most two deviations below it). Rustle next
    /// to a microphone, paper and clothing, is much flatter than the voice of the person wearing
    /// it even where other voices, close by or in the room, make some of its hops look voiced
    /// (0 = off). Optional in the JSON.
    public var voiceShapeDeviations: Double = 0
    /// The least distance (dB) below the voice's mean shape that holds a hop back, however
    /// steady the voice: a voice whose shape barely moves learns a tiny deviation, and each run
    /// starts from the shape the channel heard last (its tail, or another voice's bleed), so
    /// a margin under ~6 dB clips such a voice's onsets. Optional in the JSON (6).
    public var voiceShapeMinDB: Double = 6
    /// How long (s) the shape is smoothed over, across the hops above the off threshold.
    /// Optional in the JSON (0.12).
    public var voiceShapeSeconds: Double = 0.12
    /// A gap in a channel's speech that holds this long (s) in a row in which the channel is not
    /// even audible (its own score under the off threshold, whatever the arbiter decided) is a
    /// real pause, not bridged: the labels call a pause of over 0.2 s silence. The hangover and
    /// pre-roll still pad it; a voice dropping out under someone else's bleed stays audible and
    /// is still bridged (0 = off). Optional in the JSON (0).
    public var unbridgedPauseSeconds: Double = 0

    public init(
        lowCutHz: Double, floorWindowSeconds: Double, floorRiseDBPerSecond: Double,
        onThresholdDB: Double, offThresholdDB: Double, levelQuantile: Double, levelStepDB: Double,
        onFractionOfLevel: Double, offFractionOfLevel: Double, minSpeechSeconds: Double,
        preRollSeconds: Double, bridgeSeconds: Double, hangoverSeconds: Double,
        noiseDeviations: Double = 0, noiseTrackSeconds: Double = 2, startLookBackSeconds: Double = 0,
        onsetReachSeconds: Double = 0, resumeSeconds: Double = 0, resumeDeviations: Double = 0,
        dryFallDB: Double = 0, dryRaiseDB: Double = 0, dryMemorySeconds: Double = 2.5,
        dryWaitSeconds: Double = 0, dryProofSeconds: Double = 1, dryLeadDB: Double = 0,
        shapeProofDB: Double = 0, shapeProofSeconds: Double = 1, shapeVetoFraction: Double = 0,
        shapeVetoSeconds: Double = 0.2, minOnLevelDB: Double = 0, voiceShapeDeviations: Double = 0,
        voiceShapeMinDB: Double = 6, voiceShapeSeconds: Double = 0.12, unbridgedPauseSeconds: Double = 0,
        dryFallMarginDB: Double = 0, steadyProofSeconds: Double = 0
    ) {
        self.lowCutHz = lowCutHz
        self.floorWindowSeconds = floorWindowSeconds
        self.floorRiseDBPerSecond = floorRiseDBPerSecond
        self.onThresholdDB = onThresholdDB
        self.offThresholdDB = offThresholdDB
        self.levelQuantile = levelQuantile
        self.levelStepDB = levelStepDB
        self.onFractionOfLevel = onFractionOfLevel
        self.offFractionOfLevel = offFractionOfLevel
        self.minSpeechSeconds = minSpeechSeconds
        self.preRollSeconds = preRollSeconds
        self.bridgeSeconds = bridgeSeconds
        self.hangoverSeconds = hangoverSeconds
        self.noiseDeviations = noiseDeviations
        self.noiseTrackSeconds = noiseTrackSeconds
        self.startLookBackSeconds = startLookBackSeconds
        self.onsetReachSeconds = onsetReachSeconds
        self.resumeSeconds = resumeSeconds
        self.resumeDeviations = resumeDeviations
        self.dryFallDB = dryFallDB
        self.dryRaiseDB = dryRaiseDB
        self.dryMemorySeconds = dryMemorySeconds
        self.dryWaitSeconds = dryWaitSeconds
        self.dryProofSeconds = dryProofSeconds
        self.dryLeadDB = dryLeadDB
        self.shapeProofDB = shapeProofDB
        self.shapeProofSeconds = shapeProofSeconds
        self.shapeVetoFraction = shapeVetoFraction
        self.shapeVetoSeconds = shapeVetoSeconds
        self.minOnLevelDB = minOnLevelDB
        self.voiceShapeDeviations = voiceShapeDeviations
        self.voiceShapeMinDB = voiceShapeMinDB
        self.voiceShapeSeconds = voiceShapeSeconds
        self.unbridgedPauseSeconds = unbridgedPauseSeconds
        self.dryFallMarginDB = dryFallMarginDB
        self.steadyProofSeconds = steadyProofSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case lowCutHz, floorWindowSeconds, floorRiseDBPerSecond, onThresholdDB, offThresholdDB
        case levelQuantile, levelStepDB, onFractionOfLevel, offFractionOfLevel, minSpeechSeconds
        case preRollSeconds, bridgeSeconds, hangoverSeconds, noiseDeviations, noiseTrackSeconds
        case startLookBackSeconds, onsetReachSeconds, resumeSeconds, resumeDeviations
        case dryFallDB, dryRaiseDB, dryMemorySeconds, dryWaitSeconds, dryProofSeconds, dryLeadDB
        case shapeProofDB, shapeProofSeconds, shapeVetoFraction, shapeVetoSeconds, minOnLevelDB
        case voiceShapeDeviations, voiceShapeMinDB, voiceShapeSeconds, unbridgedPauseSeconds
        case dryFallMarginDB, steadyProofSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lowCutHz = try c.decode(Double.self, forKey: .lowCutHz)
        floorWindowSeconds = try c.decode(Double.self, forKey: .floorWindowSeconds)
        floorRiseDBPerSecond = try c.decode(Double.self, forKey: .floorRiseDBPerSecond)
        onThresholdDB = try c.decode(Double.self, forKey: .onThresholdDB)
        offThresholdDB = try c.decode(Double.self, forKey: .offThresholdDB)
        levelQuantile = try c.decode(Double.self, forKey: .levelQuantile)
        levelStepDB = try c.decode(Double.self, forKey: .levelStepDB)
        onFractionOfLevel = try c.decode(Double.self, forKey: .onFractionOfLevel)
        offFractionOfLevel = try c.decode(Double.self, forKey: .offFractionOfLevel)
        minSpeechSeconds = try c.decode(Double.self, forKey: .minSpeechSeconds)
        preRollSeconds = try c.decode(Double.self, forKey: .preRollSeconds)
        bridgeSeconds = try c.decode(Double.self, forKey: .bridgeSeconds)
        hangoverSeconds = try c.decode(Double.self, forKey: .hangoverSeconds)
        noiseDeviations = try c.decodeIfPresent(Double.self, forKey: .noiseDeviations) ?? 0
        noiseTrackSeconds = try c.decodeIfPresent(Double.self, forKey: .noiseTrackSeconds) ?? 2
        startLookBackSeconds = try c.decodeIfPresent(Double.self, forKey: .startLookBackSeconds) ?? 0
        onsetReachSeconds = try c.decodeIfPresent(Double.self, forKey: .onsetReachSeconds) ?? 0
        resumeSeconds = try c.decodeIfPresent(Double.self, forKey: .resumeSeconds) ?? 0
        resumeDeviations = try c.decodeIfPresent(Double.self, forKey: .resumeDeviations) ?? 0
        dryFallDB = try c.decodeIfPresent(Double.self, forKey: .dryFallDB) ?? 0
        dryRaiseDB = try c.decodeIfPresent(Double.self, forKey: .dryRaiseDB) ?? 0
        dryMemorySeconds = try c.decodeIfPresent(Double.self, forKey: .dryMemorySeconds) ?? 2.5
        dryWaitSeconds = try c.decodeIfPresent(Double.self, forKey: .dryWaitSeconds) ?? 0
        dryProofSeconds = try c.decodeIfPresent(Double.self, forKey: .dryProofSeconds) ?? 1
        dryLeadDB = try c.decodeIfPresent(Double.self, forKey: .dryLeadDB) ?? 0
        shapeProofDB = try c.decodeIfPresent(Double.self, forKey: .shapeProofDB) ?? 0
        shapeProofSeconds = try c.decodeIfPresent(Double.self, forKey: .shapeProofSeconds) ?? 1
        shapeVetoFraction = try c.decodeIfPresent(Double.self, forKey: .shapeVetoFraction) ?? 0
        shapeVetoSeconds = try c.decodeIfPresent(Double.self, forKey: .shapeVetoSeconds) ?? 0.2
        minOnLevelDB = try c.decodeIfPresent(Double.self, forKey: .minOnLevelDB) ?? 0
        voiceShapeDeviations = try c.decodeIfPresent(Double.self, forKey: .voiceShapeDeviations) ?? 0
        voiceShapeMinDB = try c.decodeIfPresent(Double.self, forKey: .voiceShapeMinDB) ?? 6
        voiceShapeSeconds = try c.decodeIfPresent(Double.self, forKey: .voiceShapeSeconds) ?? 0.12
        unbridgedPauseSeconds = try c.decodeIfPresent(Double.self, forKey: .unbridgedPauseSeconds) ?? 0
        dryFallMarginDB = try c.decodeIfPresent(Double.self, forKey: .dryFallMarginDB) ?? 0
        steadyProofSeconds = try c.decodeIfPresent(Double.self, forKey: .steadyProofSeconds) ?? 0
    }

    /// What is wrong with the values, for a person editing the file; nil when usable.
    var problem: String? {
        if !(20...1000).contains(lowCutHz) { return "lowCutHz must be 20 to 1000 Hz" }
        if !(0.1...10).contains(floorWindowSeconds) { return "floorWindowSeconds must be 0.1 to 10" }
        if !(floorRiseDBPerSecond > 0) { return "floorRiseDBPerSecond must be positive" }
        if !(offThresholdDB <= onThresholdDB) { return "offThresholdDB must not exceed onThresholdDB" }
        if !(0.5...0.99).contains(levelQuantile) { return "levelQuantile must be 0.5 to 0.99" }
        if !(levelStepDB > 0) { return "levelStepDB must be positive" }
        if !(0...0.2).contains(minSpeechSeconds) { return "minSpeechSeconds must be 0 to 0.2 s" }
        if !(0...0.1).contains(preRollSeconds) { return "preRollSeconds must be 0 to 0.1 s" }
        if !(0...2).contains(hangoverSeconds) { return "hangoverSeconds must be 0 to 2 s" }
        if !(0...10).contains(noiseDeviations) { return "noiseDeviations must be 0 to 10" }
        if !(0.1...60).contains(noiseTrackSeconds) { return "noiseTrackSeconds must be 0.1 to 60 s" }
        if !(0...2).contains(startLookBackSeconds) { return "startLookBackSeconds must be 0 to 2 s" }
        if !(0...0.3).contains(onsetReachSeconds) { return "onsetReachSeconds must be 0 to 0.3 s" }
        if !(0...1).contains(resumeSeconds) { return "resumeSeconds must be 0 to 1 s" }
        if !(0...10).contains(resumeDeviations) { return "resumeDeviations must be 0 to 10" }
        if !(0...40).contains(dryFallDB) { return "dryFallDB must be 0 to 40 dB" }
        if !(0...20).contains(dryRaiseDB) { return "dryRaiseDB must be 0 to 20 dB" }
        if !(0.1...30).contains(dryMemorySeconds) { return "dryMemorySeconds must be 0.1 to 30 s" }
        if !(0...10).contains(dryWaitSeconds) { return "dryWaitSeconds must be 0 to 10 s" }
        if !(0...30).contains(dryProofSeconds) { return "dryProofSeconds must be 0 to 30 s" }
        if !(0...40).contains(dryLeadDB) { return "dryLeadDB must be 0 to 40 dB" }
        if !(0...40).contains(dryFallMarginDB) { return "dryFallMarginDB must be 0 to 40 dB" }
        if !(0...30).contains(shapeProofDB) { return "shapeProofDB must be 0 to 30 dB" }
        if !(0...30).contains(shapeProofSeconds) { return "shapeProofSeconds must be 0 to 30 s" }
        if !(0...1).contains(steadyProofSeconds) { return "steadyProofSeconds must be 0 to 1 s" }
        if !(0...1).contains(shapeVetoFraction) { return "shapeVetoFraction must be 0 to 1" }
        if !(0.01...5).contains(shapeVetoSeconds) { return "shapeVetoSeconds must be 0.01 to 5 s" }
        if !(minOnLevelDB == 0 || (-120 ... -20).contains(minOnLevelDB)) {
            return "minOnLevelDB must be -120 to -20 dB (or 0 for off)"
        }
        if !(0...10).contains(voiceShapeDeviations) { return "voiceShapeDeviations must be 0 to 10" }
        if !(0...30).contains(voiceShapeMinDB) { return "voiceShapeMinDB must be 0 to 30 dB" }
        if !(0.01...2).contains(voiceShapeSeconds) { return "voiceShapeSeconds must be 0.01 to 2 s" }
        if !(0...2).contains(unbridgedPauseSeconds) { return "unbridgedPauseSeconds must be 0 to 2 s" }
        if shapeProofDB > 0 && dryWaitSeconds == 0 {
            return "shapeProofDB needs dryWaitSeconds (how long a run waits for its proof)"
        }
        if steadyProofSeconds > 0 && dryWaitSeconds == 0 {
            return "steadyProofSeconds needs dryWaitSeconds (how long a run waits for its proof)"
        }
        if !(bridgeSeconds >= 0) || minSpeechSeconds + preRollSeconds + bridgeSeconds > 0.305 {
            return "minSpeechSeconds + preRollSeconds + bridgeSeconds must be 0 to 0.3 s (the look-ahead)"
        }
        return nil
    }
}

/// Bleed rejection across channels, one microphone per person.
///
/// Each band of a channel is compared with the bleed the other channels predict: their recent
/// peak level above their own floor, decaying to cover reverberation, plus a bleed bound:
/// `bleedGainDB` for a channel whose level rises and falls with the other's (bleed does),
/// down to `uncorrelatedBleedGainDB` for one that moves on its own (a second voice).
public struct ArbiterParameters: Codable, Sendable, Equatable {
    /// Upper bound on how loud one person's voice arrives in another's microphone (dB).
    public var bleedGainDB: Double
    /// How fast the held peak of the other channels decays (dB/s).
    public var peakDecayDBPerSecond: Double
    /// A channel becomes its owner's speech when it beats the prediction by this much (dB).
    public var onMarginDB: Double
    /// …and stays so while it beats it by this much (dB).
    public var offMarginDB: Double
    /// The bleed bound for two channels whose levels do not move together (dB, at most
    /// `bleedGainDB`): bleed follows its source's syllables, a second voice does not, so two
    /// voices at once only need to beat this lower bound. Equal to `bleedGainDB` turns it off.
    /// Optional in the JSON (`bleedGainDB`).
    public var uncorrelatedBleedGainDB: Double = 0
    /// Below this correlation of two channels' levels the lower bound applies; 0.3 above it the
    /// fixed one. Optional in the JSON (0.3).
    public var correlationFloor: Double = 0.3
    /// How long the correlation looks back (s, a moving average). Optional in the JSON (0.1).
    public var correlationSeconds: Double = 0.1
    /// Take back a run's hangover or pre-roll where it only overlaps someone else's speech, so
    /// a quick change of speaker is not counted as cross-talk. Optional in the JSON (false).
    public var trimPaddingInCrossTalk: Bool = false
    /// When every active channel looks like another's bleed (two people starting at once look
    /// alike), keep the loudest if it beats every other channel's held peak: bleed needs a
    /// source. Optional in the JSON (false).
    public var keepLoudestSource: Bool = false
    /// …and only if it also stands this far above the mean score of the channels that are not
    /// active (dB; 0 = no such test): a voice leaves only its bleed on the others, chatter that
    /// every microphone hears lifts them all. With three or more microphones all active, the
    /// mean of all the others stands in. Optional in the JSON (0).
    public var keepLoudestMarginDB: Double = 0
    /// Learn, for each pair of microphones, how loud one person's voice really arrives in the
    /// other's (a high quantile of the one channel's score under the other's held peak while that
    /// one is its owner's voice), and use it plus `pairBleedMarginDB` where it is tighter than
    /// `bleedGainDB`, so a soft voice under a loud one is not taken for its bleed. Only ever
    /// tightens; starts at `bleedGainDB`. Optional in the JSON (false).
    public var learnsPairBleed: Bool = false
    /// How far above the learned level a pair's bleed bound stays (dB). Optional in the JSON (3).
    public var pairBleedMarginDB: Double = 3
    /// How far above its own floor a voice's held peak must stand to teach the pairs it bleeds
    /// into (dB): its bleed must stand clear of the other microphones' noise. Optional (25).
    public var pairBleedSourceDB: Double = 25

    public init(
        bleedGainDB: Double, peakDecayDBPerSecond: Double, onMarginDB: Double, offMarginDB: Double,
        uncorrelatedBleedGainDB: Double? = nil, correlationFloor: Double = 0.3, correlationSeconds: Double = 0.1,
        trimPaddingInCrossTalk: Bool = false, keepLoudestSource: Bool = false, keepLoudestMarginDB: Double = 0,
        learnsPairBleed: Bool = false, pairBleedMarginDB: Double = 3, pairBleedSourceDB: Double = 25
    ) {
        self.bleedGainDB = bleedGainDB
        self.peakDecayDBPerSecond = peakDecayDBPerSecond
        self.onMarginDB = onMarginDB
        self.offMarginDB = offMarginDB
        self.trimPaddingInCrossTalk = trimPaddingInCrossTalk
        self.keepLoudestSource = keepLoudestSource
        self.keepLoudestMarginDB = keepLoudestMarginDB
        self.uncorrelatedBleedGainDB = uncorrelatedBleedGainDB ?? bleedGainDB
        self.correlationFloor = correlationFloor
        self.correlationSeconds = correlationSeconds
        self.learnsPairBleed = learnsPairBleed
        self.pairBleedMarginDB = pairBleedMarginDB
        self.pairBleedSourceDB = pairBleedSourceDB
    }

    private enum CodingKeys: String, CodingKey {
        case bleedGainDB, peakDecayDBPerSecond, onMarginDB, offMarginDB
        case uncorrelatedBleedGainDB, correlationFloor, correlationSeconds, trimPaddingInCrossTalk
        case keepLoudestSource, keepLoudestMarginDB, learnsPairBleed, pairBleedMarginDB, pairBleedSourceDB
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bleedGainDB = try c.decode(Double.self, forKey: .bleedGainDB)
        peakDecayDBPerSecond = try c.decode(Double.self, forKey: .peakDecayDBPerSecond)
        onMarginDB = try c.decode(Double.self, forKey: .onMarginDB)
        offMarginDB = try c.decode(Double.self, forKey: .offMarginDB)
        trimPaddingInCrossTalk = try c.decodeIfPresent(Bool.self, forKey: .trimPaddingInCrossTalk) ?? false
        keepLoudestSource = try c.decodeIfPresent(Bool.self, forKey: .keepLoudestSource) ?? false
        keepLoudestMarginDB = try c.decodeIfPresent(Double.self, forKey: .keepLoudestMarginDB) ?? 0
        uncorrelatedBleedGainDB = try c.decodeIfPresent(Double.self, forKey: .uncorrelatedBleedGainDB) ?? bleedGainDB
        correlationFloor = try c.decodeIfPresent(Double.self, forKey: .correlationFloor) ?? 0.3
        correlationSeconds = try c.decodeIfPresent(Double.self, forKey: .correlationSeconds) ?? 0.1
        learnsPairBleed = try c.decodeIfPresent(Bool.self, forKey: .learnsPairBleed) ?? false
        pairBleedMarginDB = try c.decodeIfPresent(Double.self, forKey: .pairBleedMarginDB) ?? 3
        pairBleedSourceDB = try c.decodeIfPresent(Double.self, forKey: .pairBleedSourceDB) ?? 25
    }

    var problem: String? {
        if !(-40...0).contains(bleedGainDB) { return "bleedGainDB must be -40 to 0 dB" }
        if !(peakDecayDBPerSecond > 0) { return "peakDecayDBPerSecond must be positive" }
        if !(offMarginDB <= onMarginDB) { return "offMarginDB must not exceed onMarginDB" }
        if !(uncorrelatedBleedGainDB <= bleedGainDB && uncorrelatedBleedGainDB >= -60) {
            return "uncorrelatedBleedGainDB must be -60 dB to bleedGainDB"
        }
        if !(-1...1).contains(correlationFloor) { return "correlationFloor must be -1 to 1" }
        if !(0.02...5).contains(correlationSeconds) { return "correlationSeconds must be 0.02 to 5 s" }
        if !(0...30).contains(keepLoudestMarginDB) { return "keepLoudestMarginDB must be 0 to 30 dB" }
        if !(0...20).contains(pairBleedMarginDB) { return "pairBleedMarginDB must be 0 to 20 dB" }
        if !(0...60).contains(pairBleedSourceDB) { return "pairBleedSourceDB must be 0 to 60 dB" }
        return nil
    }
}
