import Foundation
import Testing

/// Every target imports only what `docs/ARCHITECTURE.md`'s dependency rule allows it.
///
/// SwiftPM lets a target import any module its dependencies bring along, so a wrong import (the pure
/// screen reaching for `Postgres` through `GafferStore`) compiles; this test reads the `import` lines
/// of every source file and fails on one the rule table does not list, and on a target without a row.
@Suite struct DependencyRuleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyImportIsAllowedByTheRule() throws {
        let rule = try DependencyRule.read(Self.root.appendingPathComponent("docs/ARCHITECTURE.md"))
        let imports = try SourceImports.read(Self.root.appendingPathComponent("Sources"))
        #expect(!imports.isEmpty)
        for (target, files) in imports.sorted(by: { $0.key < $1.key }) {
            guard let allowed = rule[target] else {
                Issue.record("target \(target) has no row in docs/ARCHITECTURE.md's dependency rule")
                continue
            }
            for (module, file) in files.sorted(by: { $0.key < $1.key }) where !allowed.contains(module) {
                Issue.record("\(file) imports \(module), which \(target) may not import (docs/ARCHITECTURE.md)")
            }
        }
        for target in rule.keys where imports[target] == nil {
            Issue.record("docs/ARCHITECTURE.md has a rule for \(target), which has no Swift sources")
        }
    }

    @Test func theRuleTableIsRead() throws {
        let rule = try DependencyRule.read(Self.root.appendingPathComponent("docs/ARCHITECTURE.md"))
        #expect(rule["TerminalKit"] == [])
        #expect(rule["GafferStore"]?.contains("Postgres") == true)
        // The pure screen sees records and snapshots, never SQL, a connection or the poller.
        #expect(rule["GafferUI"]?.isDisjoint(with: ["Postgres", "GafferStore", "GafferMonitor", "CursesBackend"]) == true)
    }

    @Test func importLinesAreParsed() {
        let text = """
            import Foundation
            @testable import GafferCore
            @_spi(Benchmark) import GafferCLI
            @preconcurrency import Dispatch
            import struct Postgres.PostgresError
            #if canImport(FoundationEssentials)
            import FoundationEssentials
            #endif
            // import Commented
            let text = "import NotAnImport"
            """
        #expect(SourceImports.modules(in: text) == ["Foundation", "GafferCore", "GafferCLI", "Dispatch", "Postgres",
                                                    "FoundationEssentials"])
    }
}

/// The rule table: target name to the modules it may import.
enum DependencyRule {
    /// Reads the rows of the table under the `## The dependency rule` heading: `` | `Target` | `A`, `B` | why | ``.
    static func read(_ file: URL) throws -> [String: Set<String>] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var rule: [String: Set<String>] = [:]
        var inSection = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inSection = line == "## The dependency rule" }
            guard inSection, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3, let target = names(in: cells[1]).first else { continue }
            rule[target] = Set(names(in: cells[2]))
        }
        return rule
    }

    /// The backticked names in a table cell.
    static func names(in cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}

/// The modules each target's Swift files import, with one file that imports each.
enum SourceImports {
    static func read(_ sources: URL) throws -> [String: [String: String]] {
        let manager = FileManager.default
        var result: [String: [String: String]] = [:]
        for target in try manager.contentsOfDirectory(atPath: sources.path).sorted() {
            let directory = sources.appendingPathComponent(target)
            guard let walker = manager.enumerator(atPath: directory.path) else { continue }
            var modules: [String: String] = [:]
            var hasSwift = false
            while let path = walker.nextObject() as? String {
                guard path.hasSuffix(".swift") else { continue }
                hasSwift = true
                let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
                for module in self.modules(in: text) where modules[module] == nil {
                    modules[module] = "Sources/\(target)/\(path)"
                }
            }
            if hasSwift { result[target] = modules }
        }
        return result
    }

    /// The module of each `import` line: attributes and `import struct M.T` forms included.
    static func modules(in text: String) -> [String] {
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        var modules: [String] = []
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ")[...]
            while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
            guard words.first == "import", words.count >= 2 else { continue }
            words = words.dropFirst()
            if let kind = words.first, kinds.contains(kind) { words = words.dropFirst() }
            guard let path = words.first, let module = path.split(separator: ".").first else { continue }
            modules.append(String(module))
        }
        return modules
    }
}
