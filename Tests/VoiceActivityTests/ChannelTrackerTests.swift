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

private func activeHops(_ powers: [SIMD4<Float>], _ parameters: DetectionParameters) -> [Bool] {
    let settings = TrackerSettings(parameters, hopSeconds: 0.01)
    var tracker = ChannelTracker()
    return powers.map { power in
        tracker.update(bandPower: power, settings: settings)
        return tracker.active
    }
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

@Test func steadyNoiseLeavesTheGateAlone() {
    // Given steady noise (±1 dB) and a 10 dB step of speech
    var powers = fluctuatingNoise(hops: 1000, swingDB: 1, seed: 5)
    powers += fluctuatingNoise(hops: 100, swingDB: 1, seed: 6).map { $0 * 10 }
    var gated = DetectorProfile.builtIn.room
    gated.noiseDeviations = 3
    gated.onThresholdDB = 8
    gated.offThresholdDB = 4
    gated.onFractionOfLevel = 0
    gated.offFractionOfLevel = 0
    let active = activeHops(powers, gated)
    // Then the noise is never speech and the step is, from its first frames
    #expect(active[300..<1000].allSatisfy { !$0 })
    #expect(active[1003..<1100].allSatisfy { $0 })
}
