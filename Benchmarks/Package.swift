// swift-tools-version:6.1
import Foundation
import PackageDescription

/// A package depended on by path is known by its folder's name (the checkout's, whatever it is).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

/// TurnKeeper's benchmarks, a package of their own so that `swift test` at the top never builds
/// them. Run from this folder: `swift package benchmark` (all), `swift package benchmark
/// thresholds check` (fails on a regression against Thresholds/).
let package = Package(
    name: "TurnKeeperBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "TurnKeeperBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TurnKeeperCore", package: root),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/TurnKeeperBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
