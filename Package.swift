// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gaffer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gaffer", targets: ["gaffer"]),
        .library(name: "Gaffer", targets: ["GafferCLI", "GafferEngine", "GafferCore"]),
    ],
    dependencies: [
        // Saves a hand-written parser, help and usage errors for 15 subcommands.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CSupport"),

        // Pure cores
        .target(name: "GafferCore"),
        .target(name: "GafferCron"),
        // Cell grid, layout, widgets, themes and key tables; no I/O, no curses, no Foundation.
        .target(name: "TerminalKit"),

        // Adapters
        .target(name: "Postgres", dependencies: ["CLibPQ", "CSupport"]),
        .target(name: "GafferStore", dependencies: ["Postgres"]),
        .target(name: "GafferEngine", dependencies: ["GafferCore", "GafferStore", "Postgres"]),
        .target(name: "GafferMonitor", dependencies: ["GafferStore", "Postgres"]),
        // The original scheduler's job set over simulated social-media APIs (`gaffer demo`)
        .target(name: "GafferDemo", dependencies: ["GafferEngine", "GafferCore", "Postgres"]),

        // Test support: the real PostgreSQL server tests run against
        .target(name: "GafferTestSupport", dependencies: ["Postgres"]),

        // Command line: a library, so apps that embed Gaffer get the same commands
        .target(name: "GafferCLI", dependencies: [
            "Postgres", "GafferStore", "GafferEngine", "GafferCore", "GafferCron", "GafferMonitor", "GafferDemo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Executable
        .executableTarget(name: "gaffer", dependencies: ["GafferCLI"]),
        // The README's library-use example, built with the package so it cannot rot
        .executableTarget(name: "gaffer-example", dependencies: ["GafferCLI"], path: "Examples/LibraryUse"),

        // Tests
        .testTarget(name: "GafferCoreTests", dependencies: ["GafferCore"]),
        .testTarget(name: "GafferCronTests", dependencies: ["GafferCron"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "GafferTestSupport"]),
        .testTarget(name: "GafferStoreTests", dependencies: ["GafferStore", "Postgres", "GafferTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GafferEngineTests", dependencies: ["GafferEngine", "GafferCore", "GafferStore", "Postgres",
                                                              "GafferTestSupport"]),
        .testTarget(name: "GafferCLITests", dependencies: ["GafferCLI", "GafferCore", "GafferStore"]),
        .testTarget(name: "GafferDemoTests", dependencies: ["GafferDemo", "GafferEngine", "GafferCore", "GafferStore", "Postgres",
                                                            "GafferTestSupport"]),
        // Runs the built binaries (`swift build` first): commands, exit codes, the demo end to end
        .testTarget(name: "EndToEndTests", dependencies: ["GafferTestSupport", "Postgres", "GafferCore"]),
        .testTarget(name: "GafferMonitorTests", dependencies: ["GafferMonitor", "GafferStore", "Postgres", "GafferTestSupport"]),
    ]
)
