// swift-tools-version: 6.0
import PackageDescription

// Module boundaries are the design; docs/architecture.md says who may import whom.
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Tools that know nothing of selling: the byte sink, JSON, concurrency, terminal text.
        .target(name: "RapportBase"),
        .target(name: "RapportCore", dependencies: ["RapportBase"]),
        // The demo book's generator: data for trying Rapport, tests and benchmarks, not the domain.
        .target(name: "RapportDemo", dependencies: ["RapportCore"]),
        .target(
            name: "RapportStore",
            dependencies: ["RapportBase", "RapportCore", "RapportDemo", "CSQLite", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .systemLibrary(name: "CSQLite"),
        .target(name: "RapportExchange", dependencies: ["RapportBase", "RapportCore"]),
        // Excel workbooks: the zip library and libxml2 (FoundationXML) reach only the importer.
        .target(name: "RapportWorkbook", dependencies: ["RapportCore", "RapportExchange", "ZIPFoundation"]),
        // A file into the book: Exchange reads it, the store writes it.
        .target(name: "RapportImport", dependencies: ["RapportBase", "RapportCore", "RapportExchange", "RapportStore", "RapportWorkbook"]),
        .systemLibrary(name: "CNcursesw"),
        .target(name: "RapportTUI", dependencies: ["RapportBase", "RapportCore", "RapportStore", "RapportImport"]),
        // The TUI on a real terminal: curses and the run loop, so the TUI itself never links ncursesw.
        .target(name: "RapportTerminal", dependencies: ["RapportCore", "RapportStore", "RapportTUI", "CNcursesw"]),
        .target(
            name: "RapportCLI",
            dependencies: [
                "RapportBase", "RapportCore", "RapportDemo", "RapportStore", "RapportExchange", "RapportImport", "RapportTUI",
                "RapportTerminal", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "rapport", dependencies: ["RapportCLI"]),
        // The card with every field set that the test targets share, built from the field table.
        .target(name: "RapportFixtures", dependencies: ["RapportCore"], path: "Tests/RapportFixtures"),
        .testTarget(name: "RapportBaseTests", dependencies: ["RapportBase"]),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportBase", "RapportCore", "RapportFixtures"]),
        .testTarget(name: "RapportDemoTests", dependencies: ["RapportDemo", "RapportCore"]),
        .testTarget(
            name: "RapportStoreTests",
            dependencies: ["RapportStore", "RapportCore", "RapportDemo", "RapportFixtures", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "RapportExchangeTests", dependencies: ["RapportExchange", "RapportCore", "RapportFixtures"]),
        // Workbooks the tests write themselves, zipped from XML written out in the test.
        .target(name: "WorkbookFixtures", dependencies: ["ZIPFoundation"], path: "Tests/WorkbookFixtures"),
        .testTarget(name: "RapportWorkbookTests", dependencies: ["RapportWorkbook", "RapportExchange", "RapportCore", "WorkbookFixtures"]),
        .testTarget(name: "RapportTUITests", dependencies: ["RapportTUI", "RapportStore", "RapportCore", "RapportBase", "WorkbookFixtures"]),
        // The reminder rules' walk reads the store's queries and their plans as well as the help.
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["RapportCLI", "RapportCore", "RapportDemo", "RapportStore", "RapportFixtures", "WorkbookFixtures",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "ArgumentParser", package: "swift-argument-parser"), "rapport"]
        ),
        // Drives the built binary (depending on `rapport` makes sure it is built); takes only
        // the demo book's random generator.
        .testTarget(name: "RapportFuzzTests", dependencies: ["RapportDemo", "rapport"]),
    ]
)

// A file uses only what it imports, extension members too, so the import lines are the whole
// truth docs/architecture.md's table is checked against.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
