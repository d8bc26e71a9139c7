// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gaffer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gaffer", targets: ["gaffer"]),
        .library(name: "Gaffer", targets: ["GafferCLI", "GafferEngine", "GafferCore"]),
        // The stock binary's `gaffer demo`; an app's own binary need not link it.
        .library(name: "GafferDemo", targets: ["GafferDemo"]),
    ],
    dependencies: [
        // Saves a hand-written parser, help and usage errors for 15 subcommands. Pinned exactly: Package.resolved
        // is not committed (this machine's package mirror is not the origin), so this line alone decides the code.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The metrics API (counters, gauges, timers) an app's own job code already uses with server libraries, so its metrics
        // and the engine's share one registry. Saves inventing our own; costs two small Foundation-free targets (a few seconds).
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        // The Prometheus backend for swift-metrics and its text exposition format (`/metrics`). Saves writing the format's
        // escaping, histogram buckets and registry; costs one target plus swift-atomics (C shims), ~20 s of a first build.
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        // The logging API job code and server libraries already log through, so their lines and the engine's share one
        // handler (screen, file, text or JSON). Saves inventing our own; costs one small Foundation-free target.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // C shims
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CSupport"),

        // Pure cores
        .target(name: "GafferCore"),
        .target(name: "GafferCron", dependencies: ["GafferCore"]),
        // Cell grid, layout, widgets, themes and key tables; no I/O, no curses, no Foundation.
        .target(name: "TerminalKit"),
        // The config file's TOML, every value with its line. Not LebJe/TOMLKit 0.6.0 (it resolves here): its values carry
        // no source position (only syntax errors do), so a bad threshold could not name its line, and its toml++ core is an
        // 18,000-line C++ header compiled on every CI run. This reads the subset the settings use and refuses the rest by line.
        .target(name: "GafferConfig"),

        // Threads and wake-ups shared by the connection layer, the engine and the monitor
        .target(name: "GafferConcurrency", dependencies: ["CSupport"]),

        // Adapters
        .target(name: "Postgres", dependencies: ["CLibPQ", "CSupport", "GafferConcurrency", "GafferCore"]),
        // The monitor's records and snapshot types: what the store reads and the screen shows. Pure
        .target(name: "GafferMonitorModel", dependencies: ["GafferCore", "GafferCron"]),
        .target(name: "GafferStore", dependencies: ["GafferCore", "GafferMonitorModel", "Postgres"]),
        .target(name: "GafferEngine", dependencies: ["GafferCore", "GafferCron", "GafferStore", "Postgres", "GafferConcurrency", "CSupport",
                                                     .product(name: "CoreMetrics", package: "swift-metrics"),
                                                     .product(name: "Logging", package: "swift-log")]),
        .target(name: "GafferMonitor", dependencies: ["GafferCore", "GafferCron", "GafferMonitorModel", "GafferStore", "Postgres", "GafferConcurrency"]),
        .target(name: "CursesBackend", dependencies: ["TerminalKit", "CNCurses"]),
        // The original scheduler's job set over simulated social-media APIs (`gaffer demo`)
        .target(name: "GafferDemo", dependencies: ["GafferEngine", "GafferCore", "Postgres"]),

        // Running as a service: health probe and metrics port, systemd notifications
        .target(name: "GafferOps", dependencies: ["GafferEngine", "GafferStore", "GafferMonitorModel", "Postgres",
                                                  .product(name: "CoreMetrics", package: "swift-metrics"),
                                                  .product(name: "Prometheus", package: "swift-prometheus")]),

        // Application layer: pure (no clock, no I/O); the monitor's snapshot types only
        .target(name: "GafferUI", dependencies: ["TerminalKit", "GafferCore", "GafferCron", "GafferMonitorModel"]),

        // Test support: the real PostgreSQL server tests run against
        .target(name: "GafferTestSupport", dependencies: ["Postgres", "GafferEngine", "GafferCore", .product(name: "Logging", package: "swift-log")]),

        // Runtime: the monitor's run loop and inbox, the co-hosted screen, theme lookup
        .target(name: "GafferRuntime", dependencies: [
            "CursesBackend", "GafferCore", "GafferCron", "GafferEngine", "GafferMonitor", "GafferMonitorModel", "GafferStore", "GafferUI",
            "Postgres", "TerminalKit", .product(name: "Logging", package: "swift-log"),
        ]),

        // Command line: a library, so apps that embed Gaffer get the same commands
        .target(name: "GafferCLI", dependencies: [
            "Postgres", "GafferStore", "GafferEngine", "GafferCore", "GafferCron",
            "GafferMonitor", "GafferMonitorModel", "GafferUI", "GafferRuntime", "CursesBackend", "TerminalKit", "GafferOps",
            "GafferConfig",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Executables
        // The stock binary: no job types of its own, plus `gaffer demo`
        .executableTarget(name: "gaffer", dependencies: ["GafferCLI", "GafferDemo", "GafferEngine", "Postgres"]),
        .executableTarget(name: "gaffer-bench", dependencies: ["GafferEngine", "GafferStore", "GafferCore", "Postgres", "GafferRuntime",
                                                            "GafferMonitor", "CursesBackend", "TerminalKit", "GafferTestSupport"],
                          path: "Sources/GafferBench"),
        // A bare worker process running the test job types, for tests that kill or signal a process
        .executableTarget(name: "gaffer-test-worker", dependencies: ["GafferEngine", "GafferTestSupport", "Postgres",
                                                                  .product(name: "Logging", package: "swift-log")],
                          path: "Sources/GafferTestWorker"),
        // The README's library-use example, built with the package so it cannot rot
        .executableTarget(name: "gaffer-example", dependencies: ["GafferCLI"], path: "Examples/LibraryUse"),

        // Tests
        // Reads every target's imports against docs/ARCHITECTURE.md's dependency rule
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "GafferCoreTests", dependencies: ["GafferCore"]),
        .testTarget(name: "GafferCronTests", dependencies: ["GafferCron", "GafferCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "GafferTestSupport"]),
        .testTarget(name: "GafferStoreTests", dependencies: ["GafferMonitorModel", "GafferStore", "Postgres", "GafferTestSupport", "GafferCore"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GafferEngineTests", dependencies: ["GafferEngine", "GafferCore", "GafferCron", "GafferStore", "GafferMonitorModel", "Postgres",
                                                              "GafferTestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "GafferMonitorTests", dependencies: ["GafferMonitorModel", "GafferMonitor", "GafferCore", "GafferStore", "Postgres", "GafferTestSupport", "GafferUI"]),
        .testTarget(name: "GafferUITests", dependencies: ["GafferMonitorModel", "GafferUI", "GafferCore", "GafferMonitor", "GafferStore", "GafferCron", "TerminalKit"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalKit"]),
        .testTarget(name: "GafferOpsTests", dependencies: ["GafferOps", "GafferEngine", "GafferStore", "Postgres", "GafferTestSupport",
                                                          "GafferCore", "GafferMonitorModel", .product(name: "CoreMetrics", package: "swift-metrics")]),
        .testTarget(name: "GafferCLITests", dependencies: ["GafferMonitorModel", "GafferCLI", "GafferCore", "GafferStore", "GafferConfig",
                                                          "GafferUI", "TerminalKit"]),
        .testTarget(name: "GafferDemoTests", dependencies: ["GafferDemo", "GafferEngine", "GafferCore", "GafferStore", "Postgres",
                                                            "GafferTestSupport"]),
        // Runs the built binaries (`swift build` first): commands, exit codes, the screen, the demo end to end
        .testTarget(name: "EndToEndTests", dependencies: ["GafferMonitorModel", "GafferStore", "Postgres", "GafferTestSupport", "GafferCore"]),
    ]
)
