import AudioIO
import Foundation
import TestSupport
import Testing

struct ChimeTests {
    static let rate = 48000

    @Test(arguments: Chime.allCases, [Float(1), 0.6, 0.05])
    func neverLouderThanTheVolumeAndPeaksAtItsLevel(chime: Chime, volume: Float) {
        let x = chime.samples(sampleRate: Self.rate, volume: volume)
        let peak = x.reduce(0) { max($0, abs($1)) }
        #expect(peak <= volume)
        #expect(abs(peak - chime.level * volume) < 1e-4)
        #expect(x.count == Int(chime.duration * Double(Self.rate)))
    }

    @Test(arguments: Chime.allCases)
    func startsAndEndsNearSilence(chime: Chime) {
        let x = chime.samples(sampleRate: Self.rate, volume: 1)
        // The first and last half millisecond stay under 5% of the peak: no click.
        let edge = Self.rate / 2000
        #expect(x.prefix(edge).allSatisfy { abs($0) < 0.05 * chime.level })
        #expect(x.suffix(edge).allSatisfy { abs($0) < 0.05 * chime.level })
        #expect(abs(x[0]) < 1e-3 && abs(x[x.count - 1]) < 1e-3)
    }

    @Test(arguments: Chime.allCases)
    func volumeZeroIsSilentAndOutOfRangeVolumesAreClamped(chime: Chime) {
        #expect(chime.samples(sampleRate: 16000, volume: 0).allSatisfy { $0 == 0 })
        #expect(chime.samples(sampleRate: 16000, volume: .nan).allSatisfy { $0 == 0 })
        let loud = chime.samples(sampleRate: 16000, volume: 7).reduce(0) { max($0, abs($1)) }
        #expect(abs(loud - chime.level) < 1e-4)
    }

    @Test func warningIsTwoTonesRising() {
        // Analysed at 16 kHz: the pitches are the same at any rate, and the DFT is cheaper.
        let rate = 16000
        let x = Chime.warning.samples(sampleRate: rate, volume: 1)
        let note = Int(0.3 * Double(rate))
        let first = Array(x[0..<note])
        let second = Array(x[(x.count - note)...])
        #expect(abs(Spectrum.dominant(first, sampleRate: rate) - Chime.warningTones.first) <= 5)
        #expect(abs(Spectrum.dominant(second, sampleRate: rate) - Chime.warningTones.second) <= 5)
    }

    @Test func timeUpIsABellThatDecays() {
        let rate = 16000
        let x = Chime.timeUp.samples(sampleRate: rate, volume: 1)
        let half = rate / 2
        let strike = Spectrum.rms(Array(x[0..<half]))
        let tail = Spectrum.rms(Array(x[(x.count - half)...]))
        #expect(tail < strike / 4)
        #expect(abs(Spectrum.dominant(Array(x[0..<half]), sampleRate: rate) - Chime.bellFundamental) <= 5)
    }

    @Test func crossTalkIsAShortLowTick() {
        let x = Chime.crossTalk.samples(sampleRate: Self.rate, volume: 1)
        #expect(Double(x.count) / Double(Self.rate) <= 0.1)
        #expect(
            abs(Spectrum.dominant(x, sampleRate: Self.rate, range: 50...2000, step: 10) - Chime.tickFrequency) <= 30)
    }
}

/// Signal facts for the chime tests: loudness and the strongest frequency.
enum Spectrum {
    static func rms(_ x: [Float]) -> Float {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0) { $0 + $1 * $1 } / Float(x.count)).squareRoot()
    }

    /// The frequency in `range` (scanned every `step` Hz, then refined to 1 Hz) with the most
    /// energy in `x`, by direct DFT.
    static func dominant(
        _ x: [Float], sampleRate: Int, range: ClosedRange<Double> = 100...3000, step: Double = 5
    ) -> Double {
        func power(_ f: Double) -> Double {
            var re = 0.0
            var im = 0.0
            let w = 2 * Double.pi * f / Double(sampleRate)
            for (i, v) in x.enumerated() {
                re += Double(v) * cos(w * Double(i))
                im -= Double(v) * sin(w * Double(i))
            }
            return re * re + im * im
        }
        func peak(_ candidates: some Sequence<Double>) -> Double? {
            candidates.map { ($0, power($0)) }.max { $0.1 < $1.1 }?.0
        }
        let coarse = peak(stride(from: range.lowerBound, through: range.upperBound, by: step)) ?? 0
        return peak(stride(from: coarse - step, through: coarse + step, by: 1)) ?? coarse
    }
}
