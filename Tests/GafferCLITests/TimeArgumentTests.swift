import Foundation
import Testing
@testable import GafferCLI

@Suite("--at TIME")
struct TimeArgumentTests {
    static let now = Date(timeIntervalSince1970: 1_784_548_800)  // 2026-07-20 12:00:00 UTC

    @Test(arguments: [
        ("2026-07-20T15:30:00Z", 1_784_561_400.0),
        ("2026-07-20T15:30:00.250Z", 1_784_561_400.25),
        ("2026-07-20T17:30:00+02:00", 1_784_561_400.0),
        ("2026-07-20 15:30", 1_784_561_400.0),
        ("2026-07-20 15:30:00", 1_784_561_400.0),
        ("now", 1_784_548_800.0),
        ("  NOW ", 1_784_548_800.0),
    ])
    func readsTheDocumentedForms(text: String, epoch: Double) throws {
        let date = try TimeArgument.parse(text, option: "--at", now: Self.now)
        #expect(abs(date.timeIntervalSince1970 - epoch) < 0.001)
    }

    @Test(arguments: ["tomorrow", "", "2026-07-20", "20/07/2026 15:30", "2026-13-01 10:00", "1784548800"])
    func refusesOtherFormsWithAUsageErrorNamingTheOption(text: String) {
        do {
            _ = try TimeArgument.parse(text, option: "--at", now: Self.now)
            Issue.record("\"\(text)\" was accepted")
        } catch let error as CLIError {
            #expect(error.code == .usage)
            #expect(error.description.hasPrefix("--at \"\(text)\": unknown time format; use ISO 8601"))
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
