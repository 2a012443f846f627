extension DetectorProfile {
    /// The built-in fallback, used by tests and when no profile file is found.
    ///
    /// Identical to `Models/default.json` (a test checks it): change both together. The scores
    /// were measured with the evaluation kit (`score.py`, collar 0) on the files in `tunedOn`.
    public static let builtIn = DetectorProfile(
        name: "default",
        description: "Energy detector for a room microphone (room) or one microphone per person (closeTalk, with bleed rejection). Scores: speech F1 at collar 0; speaking-time error per speaker, worst speaker.",
        tunedOn: [
            "pyannote-sample",
            "m01_mono_2spk_snr20",
            "m02_multi_3spk_snr15",
            "m03_mono_4spk_snr10",
            "m04_multi_4spk_snr12",
            "m05_mono_6spk_snr5",
            "m06_mono_5spk_snr8_48k",
            "r01_real_3spk_snr15",
            "r02_real_4spk_snr10",
        ],
        scores: [
            "amiClips.meanF1": 0.688,
            "m01.f1": 0.982,
            "m02.f1": 0.974,
            "m02.maxSpeakerTimeErrorPercent": 2.9,
            "m03.f1": 0.963,
            "m04.f1": 0.97,
            "m04.maxSpeakerTimeErrorPercent": 6.6,
            "m05.f1": 0.962,
            "m06.f1": 0.971,
            "pyannoteSample.f1": 0.981,
            "r01.f1": 0.942,
            "r02.f1": 0.904,
        ],
        room: DetectionParameters(
            lowCutHz: 120, floorWindowSeconds: 0.8, floorRiseDBPerSecond: 2,
            onThresholdDB: 10, offThresholdDB: 5, levelQuantile: 0.9, levelStepDB: 0.2,
            onFractionOfLevel: 0.5, offFractionOfLevel: 0.3,
            minSpeechSeconds: 0.06, preRollSeconds: 0.07, bridgeSeconds: 0.17,
            hangoverSeconds: 0.1),
        closeTalk: DetectionParameters(
            lowCutHz: 120, floorWindowSeconds: 0.8, floorRiseDBPerSecond: 2,
            onThresholdDB: 10, offThresholdDB: 6, levelQuantile: 0.9, levelStepDB: 0.2,
            onFractionOfLevel: 0.5, offFractionOfLevel: 0.3,
            minSpeechSeconds: 0.08, preRollSeconds: 0.05, bridgeSeconds: 0,
            hangoverSeconds: 0.15),
        arbiter: ArbiterParameters(
            bleedGainDB: -3, peakDecayDBPerSecond: 150, onMarginDB: 4, offMarginDB: 2))
}
