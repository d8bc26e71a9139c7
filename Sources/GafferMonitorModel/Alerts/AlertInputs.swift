#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The values alerts are judged on, read by the monitor's bounded queries (the screen's snapshot or
/// `gaffer status --check`): no query of its own.
public struct AlertInputs: Sendable, Hashable {
    /// Each queue's oldest ready job (`QueueStats.oldestReadyAt`).
    public var oldestReady: [String: Date]
    /// Jobs failed in the last hour, summed over the failure groups.
    public var failuresLastHour: Int
    /// Each process row's last heartbeat, by `hostname:pid`.
    public var heartbeats: [(name: String, at: Date)]
    public var pausedQueues: [String]
    /// When the pauses setting last changed: every paused queue has been paused at least since then.
    public var pausedSince: Date?

    public init(oldestReady: [String: Date] = [:], failuresLastHour: Int = 0, heartbeats: [(name: String, at: Date)] = [],
                pausedQueues: [String] = [], pausedSince: Date? = nil) {
        self.oldestReady = oldestReady
        self.failuresLastHour = failuresLastHour
        self.heartbeats = heartbeats
        self.pausedQueues = pausedQueues
        self.pausedSince = pausedSince
    }

    /// From the records both the screen and `status` read.
    public init(queues: [QueueStats], failures: [FailureGroup], processes: [ProcessRecord], settings: SettingsRecord) {
        var oldest: [String: Date] = [:]
        for queue in queues {
            if let at = queue.oldestReadyAt { oldest[queue.name] = min(oldest[queue.name] ?? at, at) }
        }
        self.init(oldestReady: oldest, failuresLastHour: failures.reduce(0) { $0 + $1.lastHour },
                  heartbeats: processes.map { ("\($0.hostname):\($0.pid.map(String.init) ?? "?")", $0.heartbeatAt) },
                  pausedQueues: settings.pausedQueues, pausedSince: settings.pausedSince)
    }

    public static func == (a: AlertInputs, b: AlertInputs) -> Bool {
        a.oldestReady == b.oldestReady && a.failuresLastHour == b.failuresLastHour
            && a.heartbeats.map(\.name) == b.heartbeats.map(\.name) && a.heartbeats.map(\.at) == b.heartbeats.map(\.at)
            && a.pausedQueues == b.pausedQueues && a.pausedSince == b.pausedSince
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(oldestReady)
        hasher.combine(failuresLastHour)
        hasher.combine(pausedQueues)
    }
}

extension MonitorSnapshot {
    /// What the header's alerts judge.
    public var alertInputs: AlertInputs {
        AlertInputs(queues: queues, failures: failures, processes: processes, settings: settings)
    }
}
