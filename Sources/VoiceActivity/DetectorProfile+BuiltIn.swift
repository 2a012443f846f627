extension DetectorProfile {
    /// The built-in fallback, used by tests and when no profile file is found.
    ///
    /// Identical to `Models/default.json` (a test checks it): change both together.
    public static let builtIn = DetectorProfile(
        name: "default",
        description: "Energy detector for a room microphone or one microphone per person",
        tunedOn: [],
        scores: [:],
        room: DetectionParameters(
            lowCutHz: 120, floorWindowSeconds: 0.8, floorRiseDBPerSecond: 2,
            onThresholdDB: 10, offThresholdDB: 6, levelQuantile: 0.9, levelStepDB: 0.2,
            onFractionOfLevel: 0.5, offFractionOfLevel: 0.3,
            minSpeechSeconds: 0.08, preRollSeconds: 0.05, hangoverSeconds: 0.2),
        closeTalk: DetectionParameters(
            lowCutHz: 120, floorWindowSeconds: 0.8, floorRiseDBPerSecond: 2,
            onThresholdDB: 10, offThresholdDB: 6, levelQuantile: 0.9, levelStepDB: 0.2,
            onFractionOfLevel: 0.5, offFractionOfLevel: 0.3,
            minSpeechSeconds: 0.08, preRollSeconds: 0.05, hangoverSeconds: 0.15),
        arbiter: ArbiterParameters(
            bleedGainDB: -3, peakDecayDBPerSecond: 150, onMarginDB: 4, offMarginDB: 2))
}
