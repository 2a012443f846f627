import Testing
@testable import VoiceActivity

/// Feeds one channel's raw and sustained decisions, hop by hop, and returns the shaped ones.
private func shape(
    _ hops: [(raw: Bool, sustained: Bool)], minimum: Int = 3, preRoll: Int = 0, bridge: Int = 0,
    hangover: Int = 0, reach: Int = 0, resume: Int = 0, wait: Int = 0, proof: Set<Int> = [],
    shapeProof: Set<Int>? = nil, vetoFraction: Double = 0, vetoHops: Int = 0, bright: Set<Int> = [],
    pause: Int = 0
) -> [Bool] {
    var shaper = RunShaper(
        channelCount: 1, minimumHops: minimum, preRollHops: preRoll, bridgeHops: bridge,
        hangoverHops: hangover, reachHops: reach, resumeHops: resume, waitHops: wait,
        vetoFraction: vetoFraction, vetoHops: vetoHops, pauseHops: pause)
    var out: [Bool] = []
    for (index, hop) in hops.enumerated() {
        shaper.push(
            raw: hop.raw ? 1 : 0, sustained: hop.sustained || hop.raw ? 1 : 0,
            dry: proof.contains(index) ? 1 : 0, shaped: shapeProof.map { $0.contains(index) ? 1 : 0 } ?? ~0,
            bright: bright.contains(index) ? 1 : 0, audible: hop.sustained || hop.raw ? 1 : 0)
        while let mask = shaper.release(flush: false) { out.append(mask != 0) }
    }
    while let mask = shaper.release(flush: true) { out.append(mask != 0) }
    return out
}

private func hops(_ pattern: String) -> [(raw: Bool, sustained: Bool)] {
    // "#" raw speech, "+" only above the off threshold, "." below it
    pattern.map { (raw: $0 == "#", sustained: $0 == "+") }
}

@Test func aScoreAboveTheOffThresholdSoonAfterSpeechResumesIt() {
    // Given a run, a dip of 4 hops, then 6 hops that clear only the off threshold
    let input = hops("..########....++++++..........")
    // When shaped with and without a 10-hop resume window
    let with = shape(input, resume: 10), without = shape(input)
    // Then the weak hops carry the run on only with it, from their first hop
    #expect(with[14..<20].allSatisfy { $0 })
    #expect(without[14..<20].allSatisfy { !$0 })
    // …the dip itself is not filled (no bridge), and nothing follows
    #expect(with[10..<14].allSatisfy { !$0 })
    #expect(with[20...].allSatisfy { !$0 })
}

@Test func weakHopsLongAfterSpeechOrWithoutItStartNothing() {
    // Given weak hops 15 hops after a run, and weak hops with no run before them at all
    let late = shape(hops("..#####...............++++++......"), resume: 10)
    let alone = shape(hops("......++++++++++.........."), resume: 10)
    // Then neither is speech
    #expect(late[15...].allSatisfy { !$0 })
    #expect(alone.allSatisfy { !$0 })
}

@Test func aConfirmedRunStartsWhereItsScoreRose() {
    // Given 5 hops above the off threshold just before a run, after a quiet stretch
    let input = hops("..........+++++########..........")
    // When shaped with a reach of 3 hops and without (the bridge gives the look-ahead room)
    let with = shape(input, bridge: 5, reach: 3), without = shape(input, bridge: 5)
    // Then the run starts 3 hops early with it, at its first raw hop without, and the rest of
    // the rise stays out
    #expect(with[12..<23].allSatisfy { $0 })
    #expect(!with[11])
    #expect(without[15..<23].allSatisfy { $0 })
    #expect(!without[14])
}

@Test func aRunWithoutACloseVoiceIsKeptOnlyOnceProven() {
    // Given a 12-hop run from hop 10 and a 30-hop run from hop 40, with a 20-hop look-ahead
    let input = hops("..........############..................##############################..........")
    func shaped(wait: Int, proof: Set<Int>) -> [Bool] { shape(input, bridge: 18, wait: wait, proof: proof) }
    // When nothing proves either run and they may wait 25 hops, only the long one is kept, from
    // the hop its wait ran out (64) less the look-ahead: its first 4 hops were already released
    let unproven = shaped(wait: 25, proof: [])
    #expect(unproven[10..<22].allSatisfy { !$0 })
    #expect(unproven[40..<44].allSatisfy { !$0 } && unproven[44..<70].allSatisfy { $0 })
    // When a fast fall shows at hop 18 of the first run, it is kept from its first hop
    let proven = shaped(wait: 25, proof: [18])
    #expect(proven[10..<22].allSatisfy { $0 })
    #expect(!proven[9] && !proven[22])
    // …and without the proof (wait 0) both runs are speech as before
    let trusting = shaped(wait: 0, proof: [])
    #expect(trusting[10..<22].allSatisfy { $0 } && trusting[40..<70].allSatisfy { $0 })
}

@Test func aRunThatNeedsTwoProofsIsKeptOnceItHasShownBoth() {
    // Given a 12-hop run from hop 10 with a 20-hop look-ahead, a fast fall at hop 12 and a hop
    // shaped like a vowel at hop 19
    let input = hops("..........############..........")
    func shaped(proof: Set<Int>, shapeProof: Set<Int>?) -> [Bool] {
        shape(input, bridge: 18, wait: 25, proof: proof, shapeProof: shapeProof)
    }
    // Then with both the run is kept from its first hop
    let both = shaped(proof: [12], shapeProof: [19])
    #expect(both[10..<22].allSatisfy { $0 } && !both[9] && !both[22])
    // …with either alone it is not
    #expect(shaped(proof: [12], shapeProof: []).allSatisfy { !$0 })
    #expect(shaped(proof: [], shapeProof: [19]).allSatisfy { !$0 })
    // …and where the shape is not asked for, the fall is enough
    #expect(shaped(proof: [12], shapeProof: nil)[10..<22].allSatisfy { $0 })
}

@Test func aRunThatStaysBrightIsTakenBackWhereItIsNotYetReleased() {
    // Given runs of 20 hops from hop 10 and from hop 60 (further apart than the bridge), a 3-hop
    // hangover, a 20-hop look-ahead, and a veto after 10 hops at a fraction of .7
    let input = hops("..........####################..............................####################..........")
    func shaped(bright: Set<Int>) -> [Bool] {
        shape(input, bridge: 18, hangover: 3, vetoFraction: 0.7, vetoHops: 10, bright: bright)
    }
    // When the second run is bright throughout (rustle) and the first only in 3 hops (a fricative)
    let out = shaped(bright: Set(10..<13).union(60..<80))
    // Then the first is kept whole with its hangover, and the second is taken back from its
    // first hop, with no hangover after it
    #expect(out[10..<33].allSatisfy { $0 } && !out[33])
    #expect(out[60..<90].allSatisfy { !$0 }, "\(out[60..<90])")
    // …and without bright hops both are kept
    let plain = shaped(bright: [])
    #expect(plain[60..<83].allSatisfy { $0 })
}

@Test func resumedHopsAreHeardButPaddingIsNot() {
    // Given a run, a dip of 2 hops (within the 3-hop hangover), 6 hops that clear only the off
    // threshold, then silence
    let input = hops("..########..++++++..........")
    var shaper = RunShaper(
        channelCount: 1, minimumHops: 3, preRollHops: 0, bridgeHops: 0, hangoverHops: 3, resumeHops: 10)
    var heard: [Bool] = []
    for hop in input {
        shaper.push(raw: hop.raw ? 1 : 0, sustained: hop.sustained || hop.raw ? 1 : 0)
        heard.append(shaper.heard != 0)
    }
    // Then the raw hops and the hops that resumed the run are heard…
    #expect(heard[2..<10].allSatisfy { $0 })
    #expect(heard[12..<18].allSatisfy { $0 })
    // …and neither the dip nor the hangover after the resumed hops is (they are padding)
    #expect(heard[10..<12].allSatisfy { !$0 })
    #expect(heard[18...].allSatisfy { !$0 })
    // …and weak hops with no run before them resume nothing, so they are not heard either
    var alone = RunShaper(
        channelCount: 1, minimumHops: 3, preRollHops: 0, bridgeHops: 0, hangoverHops: 3, resumeHops: 10)
    for hop in hops("......++++++++..") {
        alone.push(raw: 0, sustained: hop.sustained ? 1 : 0)
        #expect(alone.heard == 0)
    }
}

@Test func aPauseLongerThanTheUnbridgedLengthIsPaddedButNotFilled() {
    // Given two runs 14 hops apart and two more 30 hops apart, shaped with a 12-hop hangover,
    // a 10-hop pre-roll and a 13-hop bridge (the padded gaps are then 0 and 8 hops)
    let input = hops("..########" + String(repeating: ".", count: 14) + "########"
        + String(repeating: ".", count: 30) + "########..........")
    let second = 24, third = 24 + 8 + 30
    // When every short enough gap is bridged, both gaps are filled
    let bridged = shape(input, preRoll: 10, bridge: 13, hangover: 12)
    #expect(bridged[2..<(third + 8)].allSatisfy { $0 })
    // When a gap of 25 unheard hops or more is not, the short one is still filled, and the long
    // one keeps its padding (12 hops after, 10 before) with 8 hops between left unmarked
    let paused = shape(input, preRoll: 10, bridge: 13, hangover: 12, pause: 25)
    #expect(paused[2..<(second + 8)].allSatisfy { $0 })
    #expect(paused[(second + 8)..<(second + 8 + 12)].allSatisfy { $0 })
    #expect(paused[(second + 8 + 12)..<(third - 10)].allSatisfy { !$0 })
    #expect(paused[(third - 10)..<(third + 8)].allSatisfy { $0 })
}
