import Testing
import TestSupport
@testable import VoiceActivity

/// Runs a detector over interleaved samples, `block` frames at a time, and returns every frame.
private func detect(
    _ samples: [Float], channels: Int = 1, sampleRate: Int = 16_000, block: Int = 160,
    profile: DetectorProfile = .builtIn
) throws -> [ActivityFrame] {
    var detector = try SpeechDetector(channelCount: channels, sampleRate: sampleRate, profile: profile)
    var frames: [ActivityFrame] = []
    let total = samples.count / channels
    samples.withUnsafeBufferPointer { buffer in
        var position = 0
        while position < total {
            let n = min(block, total - position)
            let slice = UnsafeBufferPointer(rebasing: buffer[(position * channels)..<((position + n) * channels)])
            detector.process(slice, frameCount: n) { frames.append($0) }
            position += n
        }
    }
    detector.finish { frames.append($0) }
    return frames
}

/// Runs of speech on `channel` as half-open sample ranges.
private func runs(_ frames: [ActivityFrame], channel: Int = 0) -> [Range<Int64>] {
    var result: [Range<Int64>] = []
    var open: Int64?
    for frame in frames {
        let on = frame.speaking.contains(channel: channel)
        if on, open == nil { open = frame.start }
        if !on, let start = open { result.append(start..<frame.start); open = nil }
    }
    if let start = open, let last = frames.last { result.append(start..<last.end) }
    return result
}

/// Sample frames reported as speech on `channel` inside `range`.
private func speechFrames(_ frames: [ActivityFrame], channel: Int = 0, in range: Range<Int64>) -> Int64 {
    frames.filter { $0.speaking.contains(channel: channel) }
        .reduce(0) { $0 + max(0, min($1.end, range.upperBound) - max($1.start, range.lowerBound)) }
}

private let rate = 16_000
private let hop = Int64(rate / 100)
private let room = DetectorProfile.builtIn.room

private func seconds(_ s: Double, at sampleRate: Int = rate) -> Int { Int(s * Double(sampleRate)) }

@Test func burstsInNoiseAreFoundWithinAFrameOrTwo() throws {
    // Given pink noise at -50 dBFS with three voice-like bursts 30 dB above it
    var signal = SyntheticSignals.pinkNoise(count: seconds(12), dBFS: -50, seed: 1)
    let starts = [3.0, 6.0, 9.2].map { seconds($0) }
    let length = seconds(1.1)
    for (i, start) in starts.enumerated() {
        let burst = SyntheticSignals.voicedBurst(
            count: length, pitch: 110 + 40 * Double(i), sampleRate: rate, dBFS: -20)
        SyntheticSignals.add(burst, into: &signal, at: start)
    }
    // When detecting
    let found = runs(try detect(signal))
    // Then each burst is one run: its onset within two hops (after the documented pre-roll),
    // its offset within two hops after the hangover (plus the 30 ms frame it is measured on)
    #expect(found.count == starts.count)
    let preRoll = Int64((room.preRollSeconds * Double(rate)).rounded())
    let hangover = Int64((room.hangoverSeconds * Double(rate)).rounded())
    for (run, start) in zip(found, starts) {
        let onset = Int64(start), offset = Int64(start + length)
        #expect(run.lowerBound >= onset - preRoll - 2 * hop && run.lowerBound <= onset + 2 * hop)
        #expect(run.upperBound >= offset + hangover - 2 * hop && run.upperBound <= offset + hangover + 4 * hop)
    }
}

@Test(arguments: [-60.0, -45.0, -30.0, -10.0])
func stationaryNoiseIsNotSpeech(dBFS: Double) throws {
    for (colour, noise) in [
        ("white", SyntheticSignals.whiteNoise(count: seconds(10), dBFS: dBFS, seed: 7)),
        ("pink", SyntheticSignals.pinkNoise(count: seconds(10), dBFS: dBFS, seed: 8)),
    ] {
        let frames = try detect(noise)
        let settled = Int64(seconds(2))..<Int64(noise.count)
        #expect(speechFrames(frames, in: settled) == 0, "\(colour) noise at \(dBFS) dBFS")
    }
}

@Test(arguments: [50.0, 60.0])
func loudHumIsRejectedAndSpeechOverItIsFound(frequency: Double) throws {
    // Given hum 38 dB above the background noise, and a burst 18 dB below the hum
    var signal = SyntheticSignals.pinkNoise(count: seconds(8), dBFS: -50, seed: 3)
    let hum = SyntheticSignals.hum(count: signal.count, frequency: frequency, sampleRate: rate, dBFS: -12)
    SyntheticSignals.add(hum, into: &signal, at: 0)
    let burst = SyntheticSignals.voicedBurst(count: seconds(1), pitch: 180, sampleRate: rate, dBFS: -30)
    SyntheticSignals.add(burst, into: &signal, at: seconds(5))
    let frames = try detect(signal)
    // Then nothing before the burst is speech, and most of the burst is
    #expect(speechFrames(frames, in: Int64(seconds(1))..<Int64(seconds(4.9))) == 0)
    #expect(speechFrames(frames, in: Int64(seconds(5))..<Int64(seconds(6))) >= Int64(seconds(0.9)))
}

@Test func aRoomThatGetsNoisierStopsBeingSpeechOnceTheFloorAdapts() throws {
    // Given noise that steps up by 15 dB after 5 s and stays there
    var signal = SyntheticSignals.pinkNoise(count: seconds(5), dBFS: -55, seed: 4)
    signal += SyntheticSignals.pinkNoise(count: seconds(20), dBFS: -40, seed: 5)
    let frames = try detect(signal)
    // Then once the floor has had time to rise 15 dB (plus one floor window), nothing is speech
    let adapt = 15 / room.floorRiseDBPerSecond + room.floorWindowSeconds
    let after = Int64(seconds(5 + adapt + 0.5))
    #expect(after < Int64(signal.count))
    #expect(speechFrames(frames, in: after..<Int64(signal.count)) == 0)
}

@Test func clicksShorterThanTheMinimumAreDropped() throws {
    // Given loud 5 ms clicks every half second in quiet noise
    var signal = SyntheticSignals.pinkNoise(count: seconds(8), dBFS: -55, seed: 6)
    for k in 0..<12 {
        let click = SyntheticSignals.noiseBurst(count: seconds(0.005), dBFS: -10, seed: 100 + UInt64(k))
        SyntheticSignals.add(click, into: &signal, at: seconds(2 + 0.5 * Double(k)))
    }
    #expect(room.minSpeechSeconds > 0.03)
    #expect(speechFrames(try detect(signal), in: 0..<Int64(signal.count)) == 0)
}

@Test func bleedFromALouderNeighbourIsRejectedAndOverlapKept() throws {
    // Given two voices with syllable-like level swings; voice 1 is silent for the first part,
    // then both talk at once, voice 1 a little quieter
    let count = seconds(14)
    var voice0 = [Float](repeating: 0, count: count), voice1 = voice0
    func voice(_ pitch: Double, _ dBFS: Double, _ syllables: Double) -> [Float] {
        SyntheticSignals.voicedBurst(count: seconds(3), pitch: pitch, sampleRate: rate, dBFS: dBFS, syllableRate: syllables)
    }
    let first = voice(120, -20, 4), second = voice(130, -20, 4), other = voice(210, -22, 5.3)
    SyntheticSignals.add(first, into: &voice0, at: seconds(3))
    SyntheticSignals.add(second, into: &voice0, at: seconds(9))
    SyntheticSignals.add(other, into: &voice1, at: seconds(9))
    // Each microphone hears the other voice 15 dB down and 4 ms late
    let mics = SyntheticSignals.bleedMix(
        voices: [voice0, voice1], bleedDB: -15, delay: seconds(0.004), noiseDBFS: -55, seed: 9)
    let frames = try detect(SyntheticSignals.interleave(mics), channels: 2)
    // Then the bleed alone is not channel 1's speech, the voice is channel 0's
    #expect(speechFrames(frames, channel: 1, in: 0..<Int64(seconds(8.5))) == 0)
    #expect(speechFrames(frames, channel: 0, in: Int64(seconds(3))..<Int64(seconds(6))) >= Int64(seconds(2.7)))
    // And when both talk, both are speaking for most of the overlap
    let overlap = Int64(seconds(9))..<Int64(seconds(12))
    #expect(speechFrames(frames, channel: 0, in: overlap) >= Int64(seconds(2.4)))
    #expect(speechFrames(frames, channel: 1, in: overlap) >= Int64(seconds(2.4)))
}

@Test(arguments: [1, 3])
func framesCoverTheAudioExactly(channels: Int) throws {
    let frameCount = 12_345
    let noise = SyntheticSignals.whiteNoise(count: frameCount * channels, dBFS: -30, seed: 10)
    let frames = try detect(noise, channels: channels, block: 1000)
    var expected: Int64 = 0
    for frame in frames {
        #expect(frame.start == expected)
        #expect(frame.length > 0 && frame.length <= Int(hop))
        expected = frame.end
    }
    #expect(expected == Int64(frameCount))
}

@Test func blockSizeDoesNotChangeTheResult() throws {
    var signal = SyntheticSignals.pinkNoise(count: seconds(6) + 77, dBFS: -45, seed: 11)
    let burst = SyntheticSignals.voicedBurst(count: seconds(1.3), pitch: 150, sampleRate: rate, dBFS: -25)
    SyntheticSignals.add(burst, into: &signal, at: seconds(2.5))
    let quiet = SyntheticSignals.whiteNoise(count: signal.count, dBFS: -60, seed: 12)
    // bleed 20 dB down: at 12 dB the second microphone's quieter floor puts the bleed's score
    // within 4.5 dB of the voice's (the lapel profile's lead), and nothing proves the run
    let mics = SyntheticSignals.bleedMix(voices: [signal, quiet], bleedDB: -20, delay: 30, noiseDBFS: -60, seed: 13)
    let stereo = SyntheticSignals.interleave(mics)
    let reference = try detect(stereo, channels: 2, block: 160)
    #expect(!runs(reference).isEmpty)
    for block in [1, 37, 4096] {
        #expect(try detect(stereo, channels: 2, block: block) == reference, "block \(block)")
    }
}

@Test func worksAt48kHzWithA10msHop() throws {
    let rate48 = 48_000
    var signal = SyntheticSignals.pinkNoise(count: seconds(6, at: rate48), dBFS: -50, seed: 14)
    let burst = SyntheticSignals.voicedBurst(count: seconds(1, at: rate48), pitch: 140, sampleRate: rate48, dBFS: -22)
    SyntheticSignals.add(burst, into: &signal, at: seconds(3, at: rate48))
    let detector = try SpeechDetector(channelCount: 1, sampleRate: rate48, profile: .builtIn)
    #expect(detector.hopLength == 480)
    let found = runs(try detect(signal, sampleRate: rate48, block: 1024))
    #expect(found.count == 1)
    #expect(found.first?.contains(Int64(seconds(3.5, at: rate48))) == true)
}

@Test func rejectsChannelCountsAndRatesItCannotHandle() {
    #expect(throws: DetectorError.unsupportedChannelCount(0)) {
        try SpeechDetector(channelCount: 0, sampleRate: 16_000, profile: .builtIn)
    }
    #expect(throws: DetectorError.unsupportedChannelCount(65)) {
        try SpeechDetector(channelCount: 65, sampleRate: 16_000, profile: .builtIn)
    }
    #expect(throws: DetectorError.unsupportedSampleRate(4000)) {
        try SpeechDetector(channelCount: 1, sampleRate: 4000, profile: .builtIn)
    }
    #expect(DetectorError.unsupportedSampleRate(4000).description.contains("8000 to 192000"))
}

@Test func decisionsAreHeldBackAtMost300ms() throws {
    let detector = try SpeechDetector(channelCount: 1, sampleRate: 16_000, profile: .builtIn)
    #expect(detector.decisionDelay > 0)
    #expect(detector.decisionDelay * detector.hopLength <= 16_000 * 3 / 10)
}

@Test func shortPausesAreBridgedAndLongOnesAreNot() throws {
    // Given bursts separated by a pause that hangover and pre-roll alone do not cover but the
    // bridge does, then by one much longer
    #expect(room.bridgeSeconds > 0.1)
    var signal = SyntheticSignals.pinkNoise(count: seconds(10), dBFS: -50, seed: 15)
    let covered = room.hangoverSeconds + room.preRollSeconds + 0.03
    let shortPause = covered + room.bridgeSeconds * 0.6
    let longPause = covered + room.bridgeSeconds + 0.4
    var start = 3.0
    for pause in [shortPause, longPause, 0] {
        let burst = SyntheticSignals.voicedBurst(count: seconds(0.8), pitch: 160, sampleRate: rate, dBFS: -22)
        SyntheticSignals.add(burst, into: &signal, at: seconds(start))
        start += 0.8 + pause
    }
    // Then the first two bursts are one run and the third is its own
    let found = runs(try detect(signal))
    #expect(found.count == 2)
    #expect(found.first?.contains(Int64(seconds(3.8 + shortPause / 2))) == true)
    #expect(found.first?.contains(Int64(seconds(4.6 + shortPause + longPause / 2))) == false)
}

@Test func needsNoSilenceAtTheStart() throws {
    // Given audio that starts in the middle of speech, pauses briefly, and goes on
    var signal = SyntheticSignals.pinkNoise(count: seconds(7), dBFS: -50, seed: 16)
    for (start, length) in [(0.0, 1.0), (1.4, 1.6), (4.5, 1.0)] {
        let burst = SyntheticSignals.voicedBurst(count: seconds(length), pitch: 140, sampleRate: rate, dBFS: -22)
        SyntheticSignals.add(burst, into: &signal, at: seconds(start))
    }
    let frames = try detect(signal)
    // Then after the first pause the speech is found, and the noise between is not speech
    #expect(speechFrames(frames, in: Int64(seconds(1.4))..<Int64(seconds(3))) >= Int64(seconds(1.5)))
    #expect(speechFrames(frames, in: Int64(seconds(3.5))..<Int64(seconds(4.3))) == 0)
    #expect(speechFrames(frames, in: Int64(seconds(4.5))..<Int64(seconds(5.5))) >= Int64(seconds(0.95)))
}

@Test(arguments: [0.0, 4.0])
func speechFromTheFirstSampleIsFound(syllableRate: Double) throws {
    // Given a recording that starts mid-sentence: a voice 25 dB above pink noise from sample 0
    // for 0.9 s, a pause, and a second phrase
    var signal = SyntheticSignals.pinkNoise(count: seconds(6), dBFS: -50, seed: 15)
    let first = SyntheticSignals.voicedBurst(
        count: seconds(0.9), pitch: 130, sampleRate: rate, dBFS: -25, syllableRate: syllableRate)
    SyntheticSignals.add(first, into: &signal, at: 0)
    let second = SyntheticSignals.voicedBurst(
        count: seconds(1.2), pitch: 130, sampleRate: rate, dBFS: -25, syllableRate: syllableRate)
    SyntheticSignals.add(second, into: &signal, at: seconds(3))
    // When detecting with the built-in room profile
    #expect(room.startLookBackSeconds >= 0.9)
    let frames = try detect(signal)
    let found = runs(frames)
    // Then the first words are speech from the first frames (the filters settle for three
    // hops; the 30 ms frame needs one more), and most of the first phrase is
    let firstRun = try #require(found.first)
    #expect(firstRun.lowerBound <= 6 * hop)
    #expect(speechFrames(frames, in: 0..<Int64(seconds(0.9))) >= Int64(seconds(0.7)))
    // And the pause after it is not
    #expect(speechFrames(frames, in: Int64(seconds(1.3))..<Int64(seconds(2.9))) == 0)
}

@Test(arguments: [1, 2])
func theStartUpLookBackKeepsFramesInOrderWhateverTheBlockSize(channels: Int) throws {
    // Given speech from the first sample, with a look-back on both setups
    var profile = DetectorProfile.builtIn
    profile.room.startLookBackSeconds = 0.5
    profile.closeTalk.startLookBackSeconds = 0.5
    var voice = SyntheticSignals.pinkNoise(count: seconds(2) + 33, dBFS: -50, seed: 17)
    let burst = SyntheticSignals.voicedBurst(count: seconds(0.4), pitch: 150, sampleRate: rate, dBFS: -25)
    SyntheticSignals.add(burst, into: &voice, at: 0)
    let quiet = SyntheticSignals.whiteNoise(count: voice.count, dBFS: -60, seed: 18)
    let signal = channels == 1
        ? voice
        : SyntheticSignals.interleave(
            SyntheticSignals.bleedMix(voices: [voice, quiet], bleedDB: -12, delay: 30, noiseDBFS: -60, seed: 19))
    // When it is fed in blocks of several sizes, and cut short inside the look-back
    let reference = try detect(signal, channels: channels, profile: profile)
    let short = Array(signal[0..<(seconds(0.3) * channels)])
    // Then every frame comes once, in order, covering the audio, whatever the block size
    for (samples, expectedLength) in [(signal, voice.count), (short, seconds(0.3))] {
        for block in [1, 37, 160, 4096] {
            let frames = try detect(samples, channels: channels, block: block, profile: profile)
            var expected: Int64 = 0
            for frame in frames {
                #expect(frame.start == expected)
                expected = frame.end
            }
            #expect(expected == Int64(expectedLength))
            if samples.count == signal.count { #expect(frames == reference, "block \(block)") }
        }
    }
    #expect(speechFrames(reference, in: 0..<Int64(seconds(0.4))) >= Int64(seconds(0.3)))
}

@Test func theMedianOfTheOtherChannelsLeavesOutOneCopyOfTheChannel() {
    // Given scores for 2 to 9 channels, some equal, and each channel in turn
    var generator = SyntheticSignals.SeededGenerator(seed: 3)
    for count in 2...9 {
        for _ in 0..<20 {
            let scores = (0..<count).map { _ in Float(Int.random(in: 0..<4, using: &generator)) }
            let sorted = scores.sorted()
            for c in 0..<count {
                // Then the median left after taking the channel out is the plain median of the rest
                var others = scores
                others.remove(at: c)
                others.sort()
                let m = others.count
                let expected = m % 2 == 1 ? others[m / 2] : (others[m / 2 - 1] + others[m / 2]) / 2
                #expect(SpeechDetector.median(of: sorted, leavingOut: scores[c]) == expected, "\(scores), channel \(c)")
            }
        }
    }
}

@Test func aRunMustHaveAHopShapedLikeAVowelWithTheShapeProof() throws {
    // Given pink noise at -50 dBFS, a voiced burst at 1 s (harmonics falling 6 dB per octave,
    // like a vowel) and a white-noise burst at 3 s (broadband, like rustle), both at -25 dBFS
    var signal = SyntheticSignals.pinkNoise(count: seconds(5), dBFS: -50, seed: 9)
    let length = seconds(0.6)
    SyntheticSignals.add(
        SyntheticSignals.voicedBurst(count: length, pitch: 150, sampleRate: rate, dBFS: -25),
        into: &signal, at: seconds(1))
    SyntheticSignals.add(SyntheticSignals.noiseBurst(count: length, dBFS: -25, seed: 10), into: &signal, at: seconds(3))
    let voice = Int64(seconds(1))..<Int64(seconds(1.6)), rustle = Int64(seconds(3))..<Int64(seconds(3.6))
    var shaping = DetectorProfile.builtIn
    shaping.room.dryWaitSeconds = 10
    shaping.room.shapeProofDB = 4
    shaping.room.steadyProofSeconds = 0
    var trusting = shaping
    trusting.room.shapeProofDB = 0
    // When every run is trusted, both bursts are speech
    let trusted = try detect(signal, profile: trusting)
    #expect(speechFrames(trusted, in: voice) > Int64(seconds(0.55)))
    #expect(speechFrames(trusted, in: rustle) > Int64(seconds(0.55)))
    // Then with the shape proof the vowel is still found whole, from its start…
    let shaped = try detect(signal, profile: shaping)
    #expect(speechFrames(shaped, in: voice) > Int64(seconds(0.55)))
    #expect(runs(shaped).first.map { $0.lowerBound <= voice.lowerBound + 2 * hop } == true)
    // …and the broadband burst is nowhere
    #expect(speechFrames(shaped, in: rustle) == 0)
}

@Test func keyClicksDoNotHoldTheOnThresholdLongEnoughForTheSteadyProof() throws {
    // Given pink noise at -50 dBFS, a voiced burst at 1 s and, from 3 s to 4.5 s (beyond the
    // vowel's proof memory), typing: a 5 ms click every 50 ms, as loud as the vowel (-25 dBFS).
    // A click lies in three 30 ms frames: it clears the on threshold for three hops, the vowel
    // for its whole length
    var signal = SyntheticSignals.pinkNoise(count: seconds(5.5), dBFS: -50, seed: 14)
    SyntheticSignals.add(
        SyntheticSignals.voicedBurst(count: seconds(0.6), pitch: 150, sampleRate: rate, dBFS: -25),
        into: &signal, at: seconds(1))
    for k in 0..<30 {
        let click = SyntheticSignals.noiseBurst(count: seconds(0.005), dBFS: -25, seed: 200 + UInt64(k))
        SyntheticSignals.add(click, into: &signal, at: seconds(3 + 0.05 * Double(k)))
    }
    let voice = Int64(seconds(1))..<Int64(seconds(1.6)), typing = Int64(seconds(3))..<Int64(seconds(4.5))
    // (runs of one hop are kept, so that only the proof stands between the clicks and speech)
    var trusting = DetectorProfile.builtIn
    trusting.room.minSpeechSeconds = 0.01
    trusting.room.dryWaitSeconds = 10
    trusting.room.shapeProofDB = 0
    trusting.room.steadyProofSeconds = 0
    var frameLong = trusting
    frameLong.room.steadyProofSeconds = 0.03
    var steady = trusting
    steady.room.steadyProofSeconds = 0.04
    // When every run is trusted, the typing is speech: its clicks join up across the bridge,
    // and a proof only as long as one frame does not stop it
    #expect(speechFrames(try detect(signal, profile: trusting), in: typing) > Int64(seconds(1.3)))
    #expect(speechFrames(try detect(signal, profile: frameLong), in: typing) > Int64(seconds(1.3)))
    // Then with the steady proof (40 ms) the typing is nowhere, and the vowel is found whole
    // from its start
    let proved = try detect(signal, profile: steady)
    #expect(speechFrames(proved, in: typing) == 0, "\(speechFrames(proved, in: typing))")
    #expect(speechFrames(proved, in: voice) > Int64(seconds(0.55)))
    #expect(runs(proved).first.map { $0.lowerBound <= voice.lowerBound + 2 * hop } == true)
}

@Test func aRunBrighterThanAnyVowelIsTakenBackEvenRightAfterSpeech() throws {
    // Given pink noise at -50 dBFS, a voiced burst at 1 s and a white-noise burst (rustle) 0.3 s
    // after it ends, both at -25 dBFS: the vowel is within the shape proof's memory of the rustle
    var signal = SyntheticSignals.pinkNoise(count: seconds(4), dBFS: -50, seed: 11)
    SyntheticSignals.add(
        SyntheticSignals.voicedBurst(count: seconds(0.6), pitch: 150, sampleRate: rate, dBFS: -25),
        into: &signal, at: seconds(1))
    SyntheticSignals.add(SyntheticSignals.noiseBurst(count: seconds(0.6), dBFS: -25, seed: 12), into: &signal, at: seconds(1.9))
    let voice = Int64(seconds(1))..<Int64(seconds(1.6)), rustle = Int64(seconds(1.9))..<Int64(seconds(2.5))
    var proving = DetectorProfile.builtIn
    proving.room.dryWaitSeconds = 10
    proving.room.shapeProofDB = 4
    proving.room.shapeProofSeconds = 1.125
    var vetoing = proving
    vetoing.room.shapeVetoFraction = 0.7
    vetoing.room.shapeVetoSeconds = 0.2
    // When only the shape proof is on, the rustle passes on the vowel's memory
    let proved = try detect(signal, profile: proving)
    #expect(speechFrames(proved, in: rustle) > Int64(seconds(0.4)))
    // Then with the veto it is taken back, and the vowel is still found whole
    let vetoed = try detect(signal, profile: vetoing)
    #expect(speechFrames(vetoed, in: rustle) < Int64(seconds(0.05)), "\(speechFrames(vetoed, in: rustle))")
    #expect(speechFrames(vetoed, in: voice) > Int64(seconds(0.55)))
}

@Test func aFaintSoundCannotStartSpeechBelowTheLevelGateButARunCarriesOnBelowIt() throws {
    // Given a near-silent floor (white noise at -100 dBFS, as in a headset mix), a faint voice at
    // -65 dBFS at 1 s (a far-off voice: 35 dB above the floor), and at 3 s a voice at -30 dBFS
    // that goes on at -65 dBFS for its last 0.5 s
    var signal = SyntheticSignals.whiteNoise(count: seconds(5), dBFS: -100, seed: 13)
    func voice(_ length: Double, _ dBFS: Double) -> [Float] {
        SyntheticSignals.voicedBurst(count: seconds(length), pitch: 140, sampleRate: rate, dBFS: dBFS)
    }
    SyntheticSignals.add(voice(0.6, -65), into: &signal, at: seconds(1))
    SyntheticSignals.add(voice(0.5, -30), into: &signal, at: seconds(3))
    SyntheticSignals.add(voice(0.5, -65), into: &signal, at: seconds(3.5))
    let faint = Int64(seconds(1))..<Int64(seconds(1.6)), tail = Int64(seconds(3.5))..<Int64(seconds(4))
    var open = DetectorProfile.builtIn
    open.room.minOnLevelDB = 0
    var gated = open
    gated.room.minOnLevelDB = -70
    // When there is no gate, the faint voice is speech
    let ungated = try detect(signal, profile: open)
    #expect(speechFrames(ungated, in: faint) > Int64(seconds(0.5)))
    // Then with the gate it is not, while the loud voice is found from its start and its quiet
    // end is kept: the gate holds back a start, not a run already going
    let found = try detect(signal, profile: gated)
    #expect(speechFrames(found, in: faint) == 0)
    #expect(runs(found).count == 1)
    // (a run starts up to its pre-roll and onset reach early)
    let early = Int64(seconds(room.preRollSeconds + room.onsetReachSeconds)) + hop
    let start = Int64(seconds(3))
    #expect(runs(found).first.map { $0.lowerBound >= start - early && $0.lowerBound <= start + 3 * hop } == true,
            "\(runs(found).first.map { Double($0.lowerBound - start) / Double(hop) } ?? .nan) hops")
    #expect(speechFrames(found, in: tail) > Int64(seconds(0.45)))
}

@Test func aHopShapedFarFlatterThanTheChannelsOwnVoiceIsHeldBack() throws {
    // Given pink noise at -50 dBFS, a voice (harmonics falling 6 dB an octave, syllables at 4 Hz)
    // from 0.5 to 2.5 s, a white-noise burst (rustle: as loud in 2-4 kHz as below 1 kHz) from
    // 3 to 3.6 s, and the voice again from 4 to 5 s, all at -25 dBFS
    var signal = SyntheticSignals.pinkNoise(count: seconds(6), dBFS: -50, seed: 21)
    func voice(_ length: Double) -> [Float] {
        SyntheticSignals.voicedBurst(count: seconds(length), pitch: 150, sampleRate: rate, dBFS: -25, syllableRate: 4)
    }
    SyntheticSignals.add(voice(2), into: &signal, at: seconds(0.5))
    SyntheticSignals.add(SyntheticSignals.noiseBurst(count: seconds(0.6), dBFS: -25, seed: 22), into: &signal, at: seconds(3))
    SyntheticSignals.add(voice(1), into: &signal, at: seconds(4))
    let first = Int64(seconds(0.5))..<Int64(seconds(2.5)), rustle = Int64(seconds(3))..<Int64(seconds(3.6))
    let second = Int64(seconds(4))..<Int64(seconds(5))
    var open = DetectorProfile.builtIn
    open.room.voiceShapeDeviations = 0
    var shaping = open
    shaping.room.voiceShapeDeviations = 2.25
    // When the gate is off, the rustle is speech
    let ungated = try detect(signal, profile: open)
    #expect(speechFrames(ungated, in: rustle) > Int64(seconds(0.5)))
    // Then with it, the rustle is held back after the few hops its shape takes to fall below the
    // voice's (smoothed over 0.12 s), and the voice is found as before, after the rustle too
    let gated = try detect(signal, profile: shaping)
    #expect(speechFrames(gated, in: rustle) < Int64(seconds(0.25)), "\(speechFrames(gated, in: rustle))")
    #expect(speechFrames(gated, in: first) >= speechFrames(ungated, in: first) - Int64(seconds(0.02)))
    #expect(speechFrames(gated, in: second) >= speechFrames(ungated, in: second) - Int64(seconds(0.06)))
    #expect(speechFrames(gated, in: second) > Int64(seconds(0.8)))
}

