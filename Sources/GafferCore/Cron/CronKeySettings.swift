/// The dashboard's cron enable/disable lists from `good_job_settings` (contract §8).
public struct CronKeySettings: Sendable, Hashable {
    /// `cron_keys_enabled`: keys switched on, which matters for entries off by default.
    public var enabled: Set<String>
    /// `cron_keys_disabled`: keys switched off, which matters for entries on by default.
    public var disabled: Set<String>

    public init(enabled: Set<String> = [], disabled: Set<String> = []) {
        self.enabled = enabled
        self.disabled = disabled
    }

    /// GoodJob's rule: an entry on by default runs unless disabled; one off by default runs only if enabled.
    public func isEnabled(_ key: String, byDefault: Bool) -> Bool {
        byDefault ? !disabled.contains(key) : enabled.contains(key)
    }
}
