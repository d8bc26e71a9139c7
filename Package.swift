// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gaffer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gaffer", targets: ["gaffer"]),
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
        // Cell grid, layout, widgets, themes and key tables; no I/O, no curses, no Foundation.
        .target(name: "TerminalKit"),

        // Executable
        .executableTarget(name: "gaffer", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
    ]
)
