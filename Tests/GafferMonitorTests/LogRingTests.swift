import Foundation
import GafferMonitorModel
import Testing

/// The co-hosted worker's log ring and how a line's job is read from it.
@Suite struct LogRingTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    static func line(_ n: Int) -> LogEntry {
        LogEntry(level: .info, at: t0.addingTimeInterval(Double(n)), message: "line \(n)")
    }

    @Test func keepsTheLastLinesOldestFirst() {
        var ring = LogRing(capacity: 3)
        for n in 1...2 { ring.append(Self.line(n)) }
        #expect(ring.lines.map(\.message) == ["line 1", "line 2"] && ring.dropped == 0)
        for n in 3...7 { ring.append(Self.line(n)) }
        #expect(ring.lines.map(\.message) == ["line 5", "line 6", "line 7"])
        #expect(ring.count == 3 && ring.appended == 7 && ring.dropped == 4)
    }

    @Test func aCopyDoesNotSeeLaterLines() {
        var ring = LogRing(capacity: 2)
        ring.append(Self.line(1))
        let copy = ring
        ring.append(Self.line(2))
        ring.append(Self.line(3))
        #expect(copy.lines.map(\.message) == ["line 1"] && copy != ring)
        #expect(ring.lines.map(\.message) == ["line 2", "line 3"])
    }

    @Test func aCapacityBelowOneKeepsOneLine() {
        var ring = LogRing(capacity: 0)
        ring.append(Self.line(1))
        ring.append(Self.line(2))
        #expect(ring.lines.map(\.message) == ["line 2"])
    }

    @Test func readsTheJobOfALine() {
        let id = UUID(uuidString: "6D6ACC51-0000-4000-8000-000000000001")!
        let failed = LogEntry.parsing(level: .error, at: Self.t0, message: "Mailers::WelcomeJob \(id): RuntimeError: boom")
        #expect(failed.jobID == id && failed.jobClass == "Mailers::WelcomeJob" && failed.body == "RuntimeError: boom")
        let bare = LogEntry.parsing(level: .warning, at: Self.t0, message: "pool 0: job \(id.uuidString.lowercased()) was taken over")
        #expect(bare.jobID == id && bare.jobClass == nil && bare.body == bare.message)
        let none = LogEntry.parsing(level: .info, at: Self.t0, message: "worker resumed")
        #expect(none.jobID == nil && none.jobClass == nil)
        let hostile = LogEntry.parsing(level: .info, at: Self.t0, message: "\u{1b}[2J \(id)")
        #expect(hostile.jobID == id && hostile.jobClass == nil)
    }
}
