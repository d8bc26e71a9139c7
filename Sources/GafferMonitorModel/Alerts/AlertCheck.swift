#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Judges the alert inputs against the thresholds: one verdict per metric, worst first.
public enum AlertCheck {
    /// Every metric's verdict at `now`, in `AlertMetric` order.
    public static func evaluate(_ inputs: AlertInputs, _ thresholds: AlertThresholds, now: Date) -> [Alert] {
        AlertMetric.allCases.map { metric in
            let (value, summary) = measure(metric, inputs, now: now)
            return Alert(metric: metric, level: thresholds[metric].level(of: value), value: value, summary: summary)
        }
    }

    /// The verdicts above ok, worst first (ties in `AlertMetric` order).
    public static func breaches(_ alerts: [Alert]) -> [Alert] {
        alerts.filter { $0.level > .ok }.enumerated().sorted {
            ($0.element.level, -$0.offset) > ($1.element.level, -$1.offset)
        }.map(\.element)
    }

    /// The worst level among `alerts`.
    public static func worst(_ alerts: [Alert]) -> AlertLevel {
        alerts.map(\.level).max() ?? .ok
    }

    static func measure(_ metric: AlertMetric, _ inputs: AlertInputs, now: Date) -> (Double, String) {
        switch metric {
        case .latency:
            let paused = Set(inputs.pausedQueues)
            let waiting = inputs.oldestReady.filter { !paused.contains($0.key) }
            guard let oldest = waiting.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
                return (0, "no job waiting")
            }
            let age = max(0, now.timeIntervalSince(oldest.value))
            return (age, "\(name(oldest.key)) waits \(AgeText.of(age))")
        case .failures:
            return (Double(inputs.failuresLastHour), "\(inputs.failuresLastHour) failed/1h")
        case .heartbeat:
            guard let stalest = inputs.heartbeats.min(by: { ($0.at, $0.name) < ($1.at, $1.name) }) else {
                return (0, "no process")
            }
            let age = max(0, now.timeIntervalSince(stalest.at))
            return (age, "\(stalest.name) beat \(AgeText.of(age)) ago")
        case .paused:
            guard let first = inputs.pausedQueues.sorted().first else { return (0, "no queue paused") }
            let age = max(0, inputs.pausedSince.map { now.timeIntervalSince($0) } ?? 0)
            let more = inputs.pausedQueues.count > 1 ? " +\(inputs.pausedQueues.count - 1)" : ""
            return (age, "\(name(first))\(more) paused ≥\(AgeText.of(age))")
        }
    }

    /// A queue name as alert lines show it; the NULL queue as `(none)`.
    static func name(_ queue: String) -> String { queue.isEmpty ? "(none)" : queue }
}
