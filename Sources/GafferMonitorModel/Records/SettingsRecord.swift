#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// The `good_job_settings` rows the monitor reads: pauses and cron enable/disable lists (contract §8).
public struct SettingsRecord: Sendable, Hashable {
    public var pausedQueues: [String]
    public var pausedJobClasses: [String]
    public var pausedLabels: [String]
    public var cronKeysEnabled: [String]
    public var cronKeysDisabled: [String]
    /// `updated_at` of the `pauses` row: every pause now in force is at least this old (GoodJob keeps no time per name).
    public var pausedSince: Date?

    public init(pausedQueues: [String] = [], pausedJobClasses: [String] = [], pausedLabels: [String] = [],
                cronKeysEnabled: [String] = [], cronKeysDisabled: [String] = [], pausedSince: Date? = nil) {
        self.pausedSince = pausedSince
        self.pausedQueues = pausedQueues
        self.pausedJobClasses = pausedJobClasses
        self.pausedLabels = pausedLabels
        self.cronKeysEnabled = cronKeysEnabled
        self.cronKeysDisabled = cronKeysDisabled
    }

    /// Whether a cron key runs, by GoodJob's rule (`CronKeySettings.isEnabled`).
    public func isCronEnabled(_ key: String, byDefault: Bool) -> Bool {
        CronKeySettings(enabled: Set(cronKeysEnabled), disabled: Set(cronKeysDisabled)).isEnabled(key, byDefault: byDefault)
    }

    public func isPaused(_ kind: PauseKind, _ name: String) -> Bool {
        switch kind {
        case .queue: pausedQueues.contains(name)
        case .jobClass: pausedJobClasses.contains(name)
        case .label: pausedLabels.contains(name)
        }
    }
}
