// swift-tools-version: 6.0
import PackageDescription

// Module boundaries are the design; docs/architecture.md says who may import whom.
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "RapportCore"),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"]),
    ]
)
