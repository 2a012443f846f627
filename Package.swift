// swift-tools-version:6.1
import PackageDescription

/// Every Swift target gets the same strictness: Swift 6 mode (strict concurrency) plus the
/// upcoming features that make existentials and imports explicit.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "TurnKeeper",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "turnkeeper", targets: ["turnkeeper"]),
        // For the nested benchmark package (Benchmarks/), which can only see products.
        .library(
            name: "TurnKeeperCore",
            targets: ["AudioIO", "VoiceActivity", "Facilitation", "MeetingStore", "MeetingRunner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CALSA",
            pkgConfig: "alsa",
            providers: [.apt(["libasound2-dev"])]
        ),
        .target(name: "AudioIO", dependencies: ["CALSA"], swiftSettings: strict),
        .target(name: "VoiceActivity", swiftSettings: strict),
        .target(name: "Facilitation", dependencies: ["VoiceActivity"], swiftSettings: strict),
        .target(
            name: "MeetingStore",
            dependencies: ["Facilitation", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(name: "FairnessReport", dependencies: ["Facilitation"], swiftSettings: strict),
        .target(name: "SpeechScoring", swiftSettings: strict),
        .target(
            name: "MeetingRunner",
            dependencies: [
                "AudioIO", "VoiceActivity", "Facilitation", "MeetingStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: ["AudioIO", "VoiceActivity", "Facilitation", "MeetingStore"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "turnkeeper",
            dependencies: [
                "AudioIO", "VoiceActivity", "Facilitation", "MeetingStore", "FairnessReport",
                "MeetingRunner", "SpeechScoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "VoiceActivityTests", dependencies: ["VoiceActivity", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "FacilitationTests", dependencies: ["Facilitation", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "MeetingStoreTests", dependencies: ["MeetingStore", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "FairnessReportTests", dependencies: ["FairnessReport", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SpeechScoringTests", dependencies: ["SpeechScoring"], swiftSettings: strict),
        .testTarget(name: "MeetingRunnerTests", dependencies: ["MeetingRunner", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TurnKeeperCLITests", dependencies: ["TestSupport"], swiftSettings: strict),
    ]
)
