import Benchmark
import Facilitation
import Foundation

/// TurnKeeper's benchmarks. Run from Benchmarks/: `swift package benchmark`; check against the
/// committed Thresholds/ with `swift package benchmark thresholds check` (non-zero exit on a
/// regression). The detector and arbiter steps must allocate nothing (0 mallocs per block).
let benchmarks: @Sendable () -> Void = {
    let zeroMallocs: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: .init(relative: [.p90: 0], absolute: [.p90: 0])
    ]
    let blockMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .throughput]
    Benchmark.defaultConfiguration = .init(
        metrics: blockMetrics, timeUnits: .microseconds, warmupIterations: 10,
        maxDuration: .seconds(2), maxIterations: 2000)

    // The detector, one channel at 16 and 48 kHz, and the multichannel arbiter (the detector
    // with 2, 6 or 8 channels, bleed rejected across them), per 100 ms block.
    //
    // Two benchmarks each. "time": 1000 blocks per sample (kilo scaling), figures per block;
    // the CPU-time metric itself allocates (it reads /proc), so its mallocs are the harness's.
    // "mallocs": one block per sample and no CPU metric, so the count is exactly the
    // detector's: it must be 0 (threshold 0, no tolerance); "Harness: empty iteration" shows the
    // same metrics give 0 for an empty loop.
    Benchmark("Harness: empty iteration", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations { blackHole(0) }
    }
    let detectorCases = [(1, 16000), (1, 48000), (2, 16000), (6, 16000), (8, 16000), (6, 48000)]
    for (channels, rate) in detectorCases {
        guard let timed = try? DetectorFixture(channels: channels, sampleRate: rate),
            let counted = try? DetectorFixture(channels: channels, sampleRate: rate)
        else { continue }
        let name = channels == 1 ? "Detector 1ch" : "Detector+arbiter \(channels)ch"
        Benchmark(
            "\(name) \(rate / 1000)kHz 100ms block time",
            configuration: .init(
                metrics: blockMetrics, timeUnits: .microseconds, scalingFactor: .kilo, maxDuration: .seconds(3),
                maxIterations: 200)
        ) { benchmark in
            for _ in benchmark.scaledIterations { timed.step() }
            blackHole(timed.speakingHops)
        }
        Benchmark(
            // No spaces: the threshold check looks its file up by the name as it is.
            "\(name.replacingOccurrences(of: " ", with: "-"))-\(rate / 1000)kHz-block-mallocs",
            configuration: .init(
                metrics: [.mallocCountTotal, .mallocBytesCount], maxDuration: .seconds(1), maxIterations: 1000,
                thresholds: zeroMallocs)
        ) { benchmark in
            for _ in benchmark.scaledIterations { counted.step() }
            blackHole(counted.speakingHops)
        }
    }

    // The turn tracker, six people, per 10 s of decisions (1000 hops).
    for mode in [MeetingMode.open, .rounds] {
        guard let fixture = try? TrackerFixture(mode: mode) else { continue }
        Benchmark("TurnTracker \(mode.rawValue) 6ch per 10s of decisions") { benchmark in
            for _ in benchmark.scaledIterations { fixture.step() }
            blackHole(fixture.outputs)
        }
    }

    // WAV decoding: 60 s of 6-channel 16 kHz audio read in 100 ms blocks.
    let minute = SpeechLikeSignal.interleaved(channels: 6, sampleRate: 16000, seconds: 60)
    for float32 in [false, true] {
        let kind = float32 ? "float32" : "int16"
        guard let path = try? WAVFiles.write(minute, channels: 6, sampleRate: 16000, float32: float32, name: kind)
        else { continue }
        let reader = WAVReadFixture(path: path, channels: 6, blockFrames: 1600)
        Benchmark(
            "WAV decode \(kind) 6ch 16kHz per 60s",
            configuration: .init(metrics: blockMetrics, timeUnits: .milliseconds, maxIterations: 200)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try reader.readAll())
            }
        } teardown: {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    // The store: one batch (60 segments, 6 events, 2 turns) in one transaction, file-backed WAL.
    if let fixture = try? StoreFixture() {
        Benchmark(
            "Store append batch (60 segments, 6 events, 2 turns)",
            configuration: .init(metrics: blockMetrics, timeUnits: .microseconds, maxIterations: 500)
        ) { benchmark in
            for _ in benchmark.scaledIterations { try fixture.step() }
        }
    }

    // `analyze` end to end on the 1-hour 6-channel 16 kHz meeting (scripts/make-long-meeting).
    let long = EndToEnd.longMeetingPath
    if FileManager.default.fileExists(atPath: long) {
        let rate = BenchmarkMetric.custom("channel-s per CPU-s", polarity: .prefersLarger, useScalingFactor: false)
        Benchmark(
            "Analyze end to end \(URL(fileURLWithPath: long).lastPathComponent)",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .mallocCountTotal, rate],
                timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let before = processCPUSeconds()
                let channelSeconds = try EndToEnd.analyze(path: long)
                let cpu = processCPUSeconds() - before
                benchmark.measurement(rate, Int(channelSeconds / max(cpu, 1e-6)))
            }
        }
    } else {
        print("note: \(long) is missing; make it with scripts/make-long-meeting to benchmark analyze end to end")
    }
}
