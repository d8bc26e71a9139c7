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

    @Test func estimatedCountsAreMarkedAsEstimates() throws {
        let queues: [StatusReport.QueueRow] = [.init(name: "a", queued: 285_000, scheduled: 40, running: 3)]
        let estimated = StatusReport(generatedAt: Self.now, database: "x", queues: queues, discardedCapped: false,
                                     countsEstimated: true, processes: [], failures: [], cron: [], limits: [],
                                     paused: SettingsRecord())
        #expect(estimated.json["counts_estimated"] == .bool(true))
        let row = try #require(estimated.lines.first { $0.hasPrefix("a ") })
        #expect(row.contains("≈285k") && row.contains("≈40") && !row.contains("≈3"), "\(row)")
        #expect(estimated.lines.contains { $0.hasPrefix("(≈ estimated from a sample") })
        let exact = StatusReport(generatedAt: Self.now, database: "x", queues: queues, discardedCapped: false,
                                 processes: [], failures: [], cron: [], limits: [], paused: SettingsRecord())
        #expect(exact.json["counts_estimated"] == .bool(false))
        #expect(!exact.lines.joined().contains("≈"))
    }

    /// Retrying groups sampled above the cap: `≈` in the table with a note, `estimate` in the JSON; exact ones in full.
    @Test func estimatedFailuresAreMarkedAsEstimates() throws {
        let failures = [
            FailureGroup(kind: .retrying, errorClass: "Net::ReadTimeout", jobClass: "SyncJob", lastHour: 1_200,
                         lastDay: 28_431, latestAt: Self.now, latestJobID: UUID(), sampled: 95),
            FailureGroup(kind: .discarded, errorClass: "KeyError", jobClass: "MailJob", lastHour: 12_345, lastDay: 20_000,
                         latestAt: Self.now, latestJobID: UUID()),
        ]
        let report = StatusReport(generatedAt: Self.now, database: "x", queues: [], discardedCapped: false,
                                  processes: [], failures: failures, cron: [], limits: [], paused: SettingsRecord())
        let retrying = try #require(report.lines.first { $0.contains("Net::ReadTimeout") })
        #expect(retrying.contains("≈1200 ") && retrying.hasSuffix(" ≈28k"), "\(retrying)")
        let discarded = try #require(report.lines.first { $0.contains("KeyError") })
        #expect(discarded.hasSuffix("12345  20000") && !discarded.contains("≈"), "\(discarded)")
        #expect(report.lines.contains { $0.hasPrefix("(≈ retrying failures scaled up from 95 found in a sample of 10001") })
        #expect(report.json["failures"]?[0]?["sampled"] == .int(95) && report.json["failures"]?[1]?["sampled"] == .null)
        #expect(report.json["failures"]?[0]?["estimate"] == .bool(true))
        #expect(report.json["failures"]?[0]?["last_day"] == .int(28_431))
        #expect(report.json["failures"]?[1]?["estimate"] == .bool(false))
        let exact = StatusReport(generatedAt: Self.now, database: "x", queues: [], discardedCapped: false, processes: [],
                                 failures: [failures[1]], cron: [], limits: [], paused: SettingsRecord())
        #expect(!exact.lines.joined().contains("≈"))
    }

    @Test func batchesShowTheirProgressAndState() throws {
        let id = UUID(uuidString: "6a1f0c2e-0000-4000-8000-000000000001")!
        let batch = BatchSummary(id: id, description: "import\u{1b}[2J", createdAt: Self.now, enqueuedAt: Self.now,
                                 discardedAt: Self.now, jobsFinishedAt: Self.now, finishedAt: nil, onFinish: "Done",
                                 onSuccess: nil, onDiscard: "Alert", callbackQueueName: nil, callbackPriority: nil,
                                 jobs: 3, jobsFinished: 3, jobsDiscarded: 1, callbacks: 2, callbacksFinished: 1)
        #expect(batch.state == .callbacks)
        #expect(batch.callbackClasses == ["discard:Alert", "finish:Done"])
        let report = StatusReport(generatedAt: Self.now, database: "x", queues: [], discardedCapped: false, processes: [],
                                  failures: [], cron: [], limits: [], paused: SettingsRecord(), batches: [batch])
        let json = try #require(report.json["batches"]?[0])
        #expect(json["state"] == .string("callbacks"))
        #expect(json["jobs_finished_at"] == .string("2026-07-20T12:00:00.000Z"))
        #expect(json["finished_at"] == .null && json["on_success"] == .null)
        let lines = report.lines.drop { !$0.hasPrefix("BATCHES") }
        #expect(Array(lines.prefix(3)) == [
            "BATCHES  newest 1",
            "  ID        DESCRIPTION  STATE      JOBS  DISCARDED  CALLBACKS",
            "  6a1f0c2e  import\\e[2J  callbacks   3/3          1        1/2",
        ])
    }
}
