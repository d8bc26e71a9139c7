import Foundation
@testable import GafferCLI
import Testing

/// The `GOOD_JOB_*` variables `start` ignores: one warning line each, and the README's table names them all.
@Suite struct IgnoredSettingsTests {
    @Test func eachSetVariableGetsOneLineAndBlankOnesNone() {
        let lines = IgnoredSettings.warnings(["GOOD_JOB_PIDFILE": "/run/gaffer.pid", "GOOD_JOB_MAX_CACHE": " ",
                                              "GOOD_JOB_LOCK_STRATEGY": "skiplocked", "GOOD_JOB_QUEUES": "*"])
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("GOOD_JOB_LOCK_STRATEGY is set but ignored: ") == true)
        #expect(lines.last?.hasPrefix("GOOD_JOB_PIDFILE is set but ignored: ") == true)
    }

    @Test func theReadmeTableNamesEveryIgnoredVariable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "## GoodJob features and settings")).upperBound
        let table = text[section...]
        for variable in IgnoredSettings.variables {
            let row = table.split(separator: "\n").first { $0.hasPrefix("|") && $0.contains("`\(variable.name)`") }
            #expect(row.map { $0.contains("not supported") || $0.contains("ignored") } == true, "\(variable.name)")
        }
    }
}
