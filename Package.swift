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

        // Test support: the real PostgreSQL server tests run against
        .target(name: "GafferTestSupport", dependencies: ["Postgres"]),

        // Command line: a library, so apps that embed Gaffer get the same commands
        .target(name: "GafferCLI", dependencies: [
            "Postgres", "GafferStore", "GafferEngine", "GafferCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Executable
        .executableTarget(name: "gaffer", dependencies: ["GafferCLI"]),

        // Tests
        .testTarget(name: "GafferCoreTests", dependencies: ["GafferCore"]),
        .testTarget(name: "GafferCronTests", dependencies: ["GafferCron"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "GafferTestSupport"]),
        .testTarget(name: "GafferStoreTests", dependencies: ["GafferStore", "Postgres", "GafferTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GafferEngineTests", dependencies: ["GafferEngine", "GafferCore", "GafferStore", "Postgres",
                                                              "GafferTestSupport"]),
        .testTarget(name: "GafferMonitorTests", dependencies: ["GafferMonitor", "GafferStore", "Postgres", "GafferTestSupport"]),
    ]
)
