import Foundation
import GafferCore
import GafferEngine
import GafferMonitorModel
import GafferStore
import Testing
@testable import GafferCLI

@Suite("status report")
struct StatusReportTests {
    static let now = Date(timeIntervalSince1970: 1_784_548_800)  // Monday 2026-07-20 12:00:00 UTC

    @Test func cronRowsFollowTheAppAndTheEnableSettings() throws {
        let declared = [
            try CronEntry(key: "daily", cron: "0 3 * * *", jobClass: "DailyJob"),
            try CronEntry(key: "batch", cron: "0 3 * * *", jobClass: "BatchJob", enabledByDefault: false),
            try CronEntry(key: "off", cron: "*/5 * * * *", jobClass: "OffJob"),
        ]
        let seen = [
            CronKeyRun(key: "daily", jobClass: "DailyJob", lastCronAt: Self.now.addingTimeInterval(-32_400), previousCronAt: nil,
                      lastJobID: UUID(), lastState: .succeeded),
            CronKeyRun(key: "rails_only", jobClass: "RubyJob", lastCronAt: Self.now, previousCronAt: nil,
                      lastJobID: UUID(), lastState: .running),
        ]
        let settings = SettingsRecord(cronKeysEnabled: ["batch"], cronKeysDisabled: ["off"])
        let rows = StatusReport.cronRows(declared: declared, seen: seen, settings: settings, now: Self.now)
        #expect(rows.map(\.key) == ["daily", "batch", "off", "rails_only"])
        #expect(rows.map(\.enabled) == [true, true, false, nil])
        #expect(rows[0].lastState == "succeeded")
        #expect(rows[0].nextAt == Date(timeIntervalSince1970: 1_784_602_800))  // 2026-07-21 03:00 UTC
        #expect(rows[3].schedule == nil && rows[3].lastState == "running")
    }

    @Test func totalsAddUpAndLatencyComesFromTheOldestReadyJob() throws {
        let report = StatusReport(
            generatedAt: Self.now, database: "database \"x\"",
            queues: [
                .init(name: "a", queued: 2, retried: 1, succeededLastHour: 5, oldestReadyAt: Self.now.addingTimeInterval(-90)),
                .init(name: "b", queued: 1, discarded: 3, oldestReadyAt: Self.now.addingTimeInterval(-30)),
            ],
            discardedCapped: false, processes: [], failures: [], cron: [], limits: [], paused: SettingsRecord())
        let totals = try #require(report.json["totals"])
        #expect(totals["queued"] == .int(3))
        #expect(totals["discarded"] == .int(3))
        #expect(totals["latency_seconds"] == .double(90))
        #expect(report.json["queues"]?[1]?["latency_seconds"] == .double(30))
        #expect(report.lines.first?.hasPrefix("QUEUE") == true)
    }
}
