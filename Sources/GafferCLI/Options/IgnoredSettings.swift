/// The `GOOD_JOB_*` variables GoodJob reads and Gaffer does not; `start` warns about each one that is set.
///
/// The one list of them: drop a name when its feature lands (README's "GoodJob features and settings"
/// table says the same, and a test holds the two equal).
enum IgnoredSettings {
    /// Variable name, and what Gaffer does instead.
    static let variables: [(name: String, instead: String)] = [
        ("GOOD_JOB_EXECUTION_MODE", "gaffer start is always an external worker"),
        ("GOOD_JOB_LOCK_STRATEGY", "Gaffer always claims hybrid-style (SKIP LOCKED plus the advisory lock)"),
        ("GOOD_JOB_ENABLE_PAUSES", "Gaffer workers always honour pauses"),
        ("GOOD_JOB_ENABLE_LISTEN_NOTIFY", "Gaffer always listens for NOTIFY good_job"),
        ("GOOD_JOB_MAX_CACHE", "Gaffer keeps no cache of future jobs; it wakes for the next one by query"),
        ("GOOD_JOB_QUEUE_SELECT_LIMIT", "Gaffer claims with its own small candidate limit"),
        ("GOOD_JOB_ADVISORY_LOCK_HEARTBEAT", "Gaffer's process row always holds an advisory lock"),
        ("GOOD_JOB_CRON_GRACEFUL_RESTART_PERIOD", "Gaffer's cron does not re-enqueue missed fire times"),
        ("GOOD_JOB_LOWER_THREAD_PRIORITY", "threads run at normal priority"),
        ("GOOD_JOB_PROBE_HANDLER", "Gaffer's probe server is built in; there is no handler to choose"),
        ("GOOD_JOB_PIDFILE", "gaffer start writes no pidfile and does not daemonize; run it under a supervisor"),
    ]

    /// One line per ignored variable set (non-blank) in `environment`, in the list's order.
    static func warnings(_ environment: [String: String]) -> [String] {
        let env = EnvironmentSettings(values: environment)
        return variables.compactMap { variable in
            env.string(variable.name) == nil ? nil : "\(variable.name) is set but ignored: \(variable.instead)"
        }
    }
}
