import Foundation
import Testing
@testable import VoiceActivity

/// Band powers of noise whose level jumps about by up to ±`swingDB` every hop, like distant
/// chatter, from a small deterministic generator.
private func fluctuatingNoise(hops: Int, swingDB: Float, seed: UInt64) -> [SIMD4<Float>] {
    var state = seed
    return (0..<hops).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let unit = Float(state >> 40) / Float(1 << 24)
        let db = -60 + swingDB * (2 * unit - 1)
        return SIMD4(repeating: powf(10, db / 10))
    }
}

private func activeHops(
    _ powers: [SIMD4<Float>], _ parameters: DetectionParameters,
    flag: KeyPath<ChannelTracker, Bool> = \.active
) -> [Bool] {
    let settings = TrackerSettings(parameters, hopSeconds: 0.01)
    var tracker = ChannelTracker()
    return powers.map { power in
        tracker.update(bandPower: power, settings: settings)
        return tracker[keyPath: flag]
    }
}

/// The room parameters with fixed thresholds only (none relative to the speech level).
private func fixedThresholds(on: Double, off: Double, noiseDeviations: Double) -> DetectionParameters {
    var p = DetectorProfile.builtIn.room
    p.onThresholdDB = on
    p.offThresholdDB = off
    p.onFractionOfLevel = 0
    p.offFractionOfLevel = 0
    p.noiseDeviations = noiseDeviations
    return p
}

@Test func fluctuatingNoiseRaisesTheThresholdOnlyWhenAskedTo() {
    // Given 20 s of noise swinging ±9 dB hop to hop, then 2 s of speech 25 dB above its mean
    var powers = fluctuatingNoise(hops: 2000, swingDB: 9, seed: 3)
    powers += fluctuatingNoise(hops: 200, swingDB: 3, seed: 4).map { $0 * 316 }
    var plain = DetectorProfile.builtIn.room
    plain.noiseDeviations = 0
    plain.onThresholdDB = 6
    plain.offThresholdDB = 3
    var gated = plain
    gated.noiseDeviations = 3
    // When it is tracked without and with the noise-deviation gate
    let without = activeHops(powers, plain), with = activeHops(powers, gated)
    // Then the gate takes most of the false alarms in the noise after it has learned it…
    let falseWithout = without[500..<2000].filter { $0 }.count
    let falseWith = with[500..<2000].filter { $0 }.count
    #expect(falseWithout > 100)
    #expect(falseWith * 3 < falseWithout)
    // …and the speech is still found
    #expect(with[2010..<2200].filter { $0 }.count > 180)
}

@Test func theNoiseGateHoldsFromTheFirstSecond() {
    // Given chatter swinging ±9 dB hop to hop from the first sample (a meeting recorded in a
    // noisy room), the noise-deviation gate on, and statistics that learn over 2 s
    let powers = fluctuatingNoise(hops: 2000, swingDB: 9, seed: 8)
    let gated = fixedThresholds(on: 6, off: 3, noiseDeviations: 3)
    let ungated = fixedThresholds(on: 6, off: 3, noiseDeviations: 0)
    // When it is tracked with and without the gate
    let with = activeHops(powers, gated), without = activeHops(powers, ungated)
    // Then in the first 1.5 s the gate already takes most of the false alarms, as it does later
    let early = with[30..<150].filter { $0 }.count, earlyWithout = without[30..<150].filter { $0 }.count
    let late = with[800..<2000].filter { $0 }.count, lateWithout = without[800..<2000].filter { $0 }.count
    #expect(earlyWithout > 15 && lateWithout > 150)
    #expect(early * 3 < earlyWithout, "first 1.5 s: \(early) false hops with the gate, \(earlyWithout) without")
    #expect(Double(early) / 120 < 2 * Double(late) / 1200 + 0.02, "early \(early)/120, later \(late)/1200")
}

@Test func steadyNoiseLeavesTheGateAlone() {
    // Given steady noise (±1 dB) and a 10 dB step of speech
    var powers = fluctuatingNoise(hops: 1000, swingDB: 1, seed: 5)
    powers += fluctuatingNoise(hops: 100, swingDB: 1, seed: 6).map { $0 * 10 }
    let active = activeHops(powers, fixedThresholds(on: 8, off: 4, noiseDeviations: 3))
    // Then the noise is never speech and the step is, from its first frames
    #expect(active[300..<1000].allSatisfy { !$0 })
    #expect(active[1003..<1100].allSatisfy { $0 })
}

@Test func resumingNeedsTheScoreToStandOutFromChatter() {
    // Given 20 s of noise swinging ±9 dB hop to hop, an on threshold it never reaches (so its
    // statistics are learned throughout) and a low off threshold
    let powers = fluctuatingNoise(hops: 2000, swingDB: 9, seed: 7)
    let plain = fixedThresholds(on: 30, off: 3, noiseDeviations: 0)
    var gated = plain
    gated.resumeDeviations = 3
    // When it is tracked with and without the resume gate
    func sustainedHops(_ p: DetectionParameters) -> Int {
        activeHops(powers, p, flag: \.sustained)[500...].filter { $0 }.count
    }
    // Then the chatter clears the off threshold often, and the gate much less often
    let without = sustainedHops(plain), with = sustainedHops(gated)
    #expect(without > 150)
    #expect(with * 5 < without, "\(with) of \(without)")
}

/// Band powers: steady noise (±1 dB), then every 0.4 s a 0.15 s burst 13 dB above it that ends
/// either at once (a close, dry voice) or dies away by 0.5 dB per hop (reverberant chatter).
private func bursts(dry: Bool) -> [SIMD4<Float>] {
    var powers = fluctuatingNoise(hops: 1000, swingDB: 1, seed: 9)
    for start in stride(from: 300, to: 960, by: 40) {
        for k in 0..<15 { powers[start + k] *= 20 }
        if !dry {
            for k in 0..<25 where start + 15 + k < powers.count {
                powers[start + 15 + k] *= powf(10, (13 - 0.5 * Float(k + 1)) / 10)
            }
        }
    }
    return powers
}

@Test func aChannelThatNeverFallsFastNeedsMoreToStart() {
    // Given a fixed on threshold of 10 dB, and the close-voice test: a fall of 8 dB within
    // 80 ms counts for 1 s, and without one a start needs 5 dB more
    var plain = fixedThresholds(on: 10, off: 5, noiseDeviations: 0)
    plain.floorWindowSeconds = 3
    var gated = plain
    gated.dryFallDB = 8
    gated.dryRaiseDB = 5
    gated.dryMemorySeconds = 1
    func active(_ p: DetectionParameters, dry: Bool) -> Int { activeHops(bursts(dry: dry), p)[300...].filter { $0 }.count }
    // When bursts that end at once and bursts that die away are tracked with and without it
    // Then without it both are speech…
    #expect(active(plain, dry: true) > 150 && active(plain, dry: false) > 150)
    // …and with it the dry bursts still are (all but the first, before any fall was seen),
    // while the reverberant ones, which never fall 8 dB in 80 ms, are not
    #expect(active(gated, dry: true) > 150, "dry bursts: \(active(gated, dry: true)) hops")
    #expect(active(gated, dry: false) == 0, "reverberant bursts: \(active(gated, dry: false)) hops")
}

@Test func theLevelGateHoldsBackAStartNotARunAlreadyGoing() {
    // Given a near-silent floor at -100 dB per band, then 1 s at -78 dB (22 dB above it: a far-off
    // voice), 1 s of floor, then 0.5 s at -40 dB that goes straight on at -78 dB for 0.5 s
    let floor = fluctuatingNoise(hops: 300, swingDB: 1, seed: 10).map { $0 * 1e-4 }
    func at(_ db: Float, hops: Int) -> [SIMD4<Float>] { Array(repeating: SIMD4(repeating: powf(10, db / 10)), count: hops) }
    let powers = floor + at(-78, hops: 100) + Array(floor[0..<100]) + at(-40, hops: 50) + at(-78, hops: 50)
        + Array(floor[0..<50])
    var open = fixedThresholds(on: 10, off: 5, noiseDeviations: 0)
    open.minOnLevelDB = 0
    var gated = open
    gated.minOnLevelDB = -70
    let without = activeHops(powers, open), with = activeHops(powers, gated)
    // Then without the gate the faint stretch is speech; with it, it is not…
    #expect(without[305..<400].allSatisfy { $0 })
    #expect(with[300..<400].allSatisfy { !$0 })
    // …while the loud start is, and the run carries on through the quiet part after it
    #expect(with[503..<600].allSatisfy { $0 })
    #expect(!with[603...].contains(true))
}

@Test func aFlatStretchTaughtAsTheVoiceMovesItByAtMostTwoDeviationsAHop() {
    // Given a floor at -80 dB per band, then 15 s of a steady vowel at -30 dB in the two lowest
    // bands and -45 dB in the top band (a shape of 15 dB), taught to the channel as its voice
    let settings = TrackerSettings(fixedThresholds(on: 10, off: 5, noiseDeviations: 0), hopSeconds: 0.01)
    var tracker = ChannelTracker()
    func hops(_ count: Int, low: Float, high: Float) {
        let power = SIMD4(powf(10, low / 10), powf(10, low / 10), powf(10, (low + high) / 20), powf(10, high / 10))
        for _ in 0..<count {
            tracker.update(bandPower: power, settings: settings)
            _ = tracker.unlikeItsVoice(settings: settings)
            if tracker.active { tracker.learnVoiceShape(settings: settings) }
        }
    }
    hops(200, low: -80, high: -80)
    hops(1500, low: -30, high: -45)
    let mean = tracker.voiceTiltMean, deviation = tracker.voiceTiltVariance.squareRoot()
    #expect(abs(mean - 15) < 0.5, "\(mean)")
    // When 0.5 s as loud but 30 dB flatter (rustle: -45 dB in the two lowest bands, -30 dB in
    // the top one) is taught to it too, as it is wherever such hops are not held back
    hops(50, low: -45, high: -30)
    // Then the voice moves towards it, but by no more than 2 deviations' worth a hop (taken in
    // whole, the stretch would move it about 2.5 dB)
    let drop = mean - tracker.voiceTiltMean
    #expect(drop > 0)
    #expect(drop < 0.5 * deviation, "drop \(drop), deviation \(deviation)")
}
