import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// The alert core (values in, verdicts out), the header's badge, and the bell's once-per-breach rule.
@Suite struct AlertTests {
    static let now = Fixtures.now

    // MARK: limits

    @Test(arguments: [
        ("5m,15m", AlertMetric.latency, AlertLimit(warning: 300, critical: 900)),
        ("90s", .latency, AlertLimit(warning: 90, critical: nil)),
        ("1h30m", .paused, AlertLimit(warning: 5400, critical: nil)),
        ("-,2d", .paused, AlertLimit(warning: nil, critical: 172_800)),
        (" 120 , 300 ", .heartbeat, AlertLimit(warning: 120, critical: 300)),
        ("off", .failures, AlertLimit.off),
        ("50,500", .failures, AlertLimit(warning: 50, critical: 500)),
    ])
    func limitsRead(text: String, metric: AlertMetric, expected: AlertLimit) throws {
        #expect(try AlertLimit.parse(text, for: metric) == expected)
    }

    @Test(arguments: [("5parsecs", AlertMetric.latency), ("", .latency), ("5m,15m,1h", .latency), ("1.5", .failures),
                      ("5m", .failures), ("0", .failures), ("15m,5m", .latency), ("m", .heartbeat)])
    func malformedLimitsAreRefusedWithTheFix(text: String, metric: AlertMetric) {
        #expect(throws: AlertLimitError.self) { try AlertLimit.parse(text, for: metric) }
        let error = AlertLimitError(metric: metric, text: text)
        #expect(error.description.hasPrefix("--\(metric.option) \"\(text)\": give "))
    }

    @Test func limitsWriteBackAsTheyRead() throws {
        for metric in AlertMetric.allCases {
            let limit = metric.defaultLimit
            #expect(try AlertLimit.parse(limit.text(for: metric), for: metric) == limit)
        }
    }

    // MARK: verdicts

    static func inputs(latency: Double = 10, failures: Int = 0, heartbeat: Double = 5, paused: Double? = nil) -> AlertInputs {
        AlertInputs(oldestReady: ["default": now - latency, "mailers": now - 1], failuresLastHour: failures,
                    heartbeats: [("worker-1:4242", now - 3), ("rails-7:311", now - heartbeat)],
                    pausedQueues: paused == nil ? [] : ["mailers"], pausedSince: paused.map { now - $0 })
    }

    @Test func everyMetricOkBelowItsLimits() {
        let alerts = AlertCheck.evaluate(Self.inputs(), .defaults, now: Self.now)
        #expect(alerts.map(\.level) == [.ok, .ok, .ok, .ok])
        #expect(alerts.map(\.summary) == ["default waits 10s", "0 failed/1h", "rails-7:311 beat 5s ago", "no queue paused"])
    }

    @Test func eachMetricReachesWarningThenCritical() {
        let cases: [(AlertInputs, AlertMetric, AlertLevel, String)] = [
            (Self.inputs(latency: 300), .latency, .warning, "default waits 5m00s (warning at 5m)"),
            (Self.inputs(latency: 1020), .latency, .critical, "default waits 17m (critical at 15m)"),
            (Self.inputs(failures: 50), .failures, .warning, "50 failed/1h (warning at 50)"),
            (Self.inputs(failures: 612), .failures, .critical, "612 failed/1h (critical at 500)"),
            (Self.inputs(heartbeat: 130), .heartbeat, .warning, "rails-7:311 beat 2m10s ago (warning at 2m)"),
            (Self.inputs(heartbeat: 420), .heartbeat, .critical, "rails-7:311 beat 7m00s ago (critical at 5m)"),
            (Self.inputs(paused: 7200), .paused, .warning, "mailers paused ≥2h00m (warning at 1h)"),
        ]
        for (inputs, metric, level, reason) in cases {
            let alerts = AlertCheck.evaluate(inputs, .defaults, now: Self.now)
            let alert = alerts.first { $0.metric == metric }!
            #expect(alert.level == level, "\(metric)")
            #expect(alert.reason(AlertThresholds.defaults[metric]) == reason)
            #expect(alerts.filter { $0.metric != metric }.allSatisfy { $0.level == .ok })
        }
    }

    @Test func aPausedQueueIsJudgedByItsPauseNotItsLatency() {
        var inputs = Self.inputs(latency: 3600, paused: 60)
        inputs.pausedQueues = ["default"]
        let alerts = AlertCheck.evaluate(inputs, .defaults, now: Self.now)
        #expect(alerts[0] == Alert(metric: .latency, level: .ok, value: 1, summary: "mailers waits 1s"))
    }

    @Test func breachesComeWorstFirst() {
        let alerts = AlertCheck.evaluate(Self.inputs(latency: 400, failures: 600), .defaults, now: Self.now)
        #expect(AlertCheck.breaches(alerts).map(\.metric) == [.failures, .latency])
        #expect(AlertCheck.worst(alerts) == .critical)
    }

    @Test func anAlertTurnedOffNeverBreaches() {
        var thresholds = AlertThresholds.defaults
        thresholds[.latency] = .off
        #expect(AlertCheck.evaluate(Self.inputs(latency: 1e6), thresholds, now: Self.now)[0].level == .ok)
    }

    // MARK: the header

    static func snapshot(latency: Double = 42, failures: Int = 3, heartbeat: Double = 5) -> MonitorSnapshot {
        var snapshot = Fixtures.snapshot
        snapshot.queues[0].oldestReadyAt = now - latency
        snapshot.failures[0].lastHour = failures - 1
        snapshot.processes[1].heartbeatAt = now - heartbeat
        return snapshot
    }

    static func state(_ thresholds: AlertThresholds = .defaults, bell: Bool = false) -> UIState {
        var state = UIState(hasLocalWorker: true)
        state.settings = ScreenSettings(alerts: thresholds, bell: bell)
        return state
    }

    @Test(arguments: ScreenText.sizes)
    func headerWithAWarning(size: Size) {
        let buffer = MonitorUI.render(Self.snapshot(latency: 400), Self.state(), width: size.width, height: size.height)
        let header = buffer.text(in: Rect(x: 0, y: 0, width: size.width, height: 1))
        #expect(header.contains(" WARNING default waits 6m40s "))
        let x = Array(header).firstIndex(of: "W")!
        #expect(buffer[x, 0].style.role == .alertWarning)
        SnapshotFile.check(header, named: ScreenText.name("header-alert-warning", size))
    }

    @Test(arguments: ScreenText.sizes)
    func headerWithACriticalAndMore(size: Size) {
        let buffer = MonitorUI.render(Self.snapshot(latency: 400, failures: 612, heartbeat: 420), Self.state(),
                                      width: size.width, height: size.height)
        let header = buffer.text(in: Rect(x: 0, y: 0, width: size.width, height: 1))
        #expect(header.contains(" CRITICAL "))
        #expect(header.contains(" +2 "))
        let x = Array(header).firstIndex(of: "C")!
        #expect(buffer[x, 0].style.role == .alertCritical)
        SnapshotFile.check(header, named: ScreenText.name("header-alert-critical", size))
    }

    @Test func noBadgeWhileEveryAlertIsOkOrBeforeTheFirstRefresh() {
        let calm = MonitorUI.render(Self.snapshot(), Self.state(), width: 120, height: 40)
        #expect(!calm.text().split(separator: "\n")[0].contains("WARNING"))
        var loading = Self.snapshot(latency: 4000)
        loading.refresh.isLoading = true
        #expect(!MonitorUI.render(loading, Self.state(), width: 120, height: 40).text().contains("CRITICAL"))
    }

    @Test func theWholeScreenWithAnAlertAt80x24() {
        let text = MonitorUI.render(Self.snapshot(latency: 1020), Self.state(), width: 80, height: 24).text()
        SnapshotFile.check(text, named: "screen-alert-critical-80x24")
    }

    // MARK: the bell

    @Test func theBellRingsOncePerNewBreachNotEveryRefresh() {
        var state = Self.state(bell: true)
        let calm = Self.snapshot()
        let slow = Self.snapshot(latency: 400)
        let slower = Self.snapshot(latency: 1000)
        var rings: [Bool] = []
        for snapshot in [calm, slow, slow, slow, slower, slower, slow, calm, slow] {
            rings.append(state.noteAlerts(snapshot) == [.bell])
        }
        // ok, warning (ring), warning, warning, critical (ring), critical, back to warning, ok, warning again (ring)
        #expect(rings == [false, true, false, false, true, false, false, false, true])
    }

    @Test func noBellUnlessAskedButLevelsAreStillNoted() {
        var state = Self.state(bell: false)
        #expect(state.noteAlerts(Self.snapshot(latency: 400)).isEmpty)
        #expect(state.alertLevels[.latency] == .warning)
    }
}
