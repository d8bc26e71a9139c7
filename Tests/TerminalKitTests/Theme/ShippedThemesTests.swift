import Foundation
import Testing
@testable import TerminalKit

/// The files in `themes/` at the repository root, found from this file's path.
private enum ThemesFolder {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Theme
        .deletingLastPathComponent()  // TerminalKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("themes")

    static func bytes(of name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url.appendingPathComponent(name + ".theme")))
    }

    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".theme") }
            .map { String($0.dropLast(".theme".count)) }
            .sorted()
    }
}

@Suite struct ShippedThemesTests {
    @Test func theExpectedThemesAreShipped() throws {
        #expect(try ThemesFolder.names() == ["dark", "high-contrast", "light", "mono"])
    }

    @Test func everyShippedThemeParsesAndDefinesEveryRole() throws {
        for name in try ThemesFolder.names() {
            let text = String(decoding: try ThemesFolder.bytes(of: name), as: UTF8.self)
            let theme = try Theme.parse(text, name: name)
            #expect(theme.missingRoles == [], "\(name).theme")
        }
    }

    @Test(arguments: ["dark", "high-contrast", "light"])
    func colourThemesNeverPaintABackground(name: String) throws {
        let theme = try Theme.parse(String(decoding: try ThemesFolder.bytes(of: name), as: UTF8.self), name: name)
        for role in ThemeRole.allCases {
            #expect(theme.resolve(role).background == .default, "\(name).theme: \(role.rawValue)")
        }
        #expect(theme.resolve(.text).foreground == .default)
    }

    @Test func monoUsesAttributesOnly() throws {
        let theme = try Theme.parse(String(decoding: try ThemesFolder.bytes(of: "mono"), as: UTF8.self), name: "mono")
        for role in ThemeRole.allCases {
            let style = theme.resolve(role)
            #expect(style.foreground == .default && style.background == .default, "mono.theme: \(role.rawValue)")
        }
        // Focus, selection and errors must still be visible without colour.
        #expect(theme.resolve(.borderFocused) != theme.resolve(.border))
        #expect(theme.resolve(.selection) != theme.resolve(.text))
        #expect(theme.resolve(.error) != theme.resolve(.text))
    }

    @Test func builtinDarkIsByteForByteTheShippedFile() throws {
        #expect(Array(Theme.builtinDarkText.utf8) == (try ThemesFolder.bytes(of: "dark")))
        #expect(Theme.builtinDark.missingRoles == [])
        #expect(Theme.builtinDark.name == "dark")
    }

    @Test func builtinMonoIsByteForByteTheShippedFile() throws {
        #expect(Array(Theme.builtinMonoText.utf8) == (try ThemesFolder.bytes(of: "mono")))
        #expect(Theme.builtinMono.missingRoles == [])
    }
}

/// Issue 14 item 7: every shipped theme is compiled in, so an installed binary finds all of them.
@Suite struct CompiledInThemesTests {
    @Test func everyShippedFileIsCompiledInByteForByte() throws {
        let texts = ["dark": Theme.builtinDarkText, "light": Theme.builtinLightText,
                     "high-contrast": Theme.builtinHighContrastText, "mono": Theme.builtinMonoText]
        #expect(Set(texts.keys) == Set(try ThemesFolder.names()))
        #expect(Theme.shipped.map(\.name).sorted() == (try ThemesFolder.names()))
        for name in try ThemesFolder.names() {
            #expect(Array((texts[name] ?? "").utf8) == (try ThemesFolder.bytes(of: name)), "\(name).theme")
        }
        for theme in Theme.shipped { #expect(theme.missingRoles == [], "\(theme.name)") }
    }
}
