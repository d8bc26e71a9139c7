import GafferCore

/// SQL fragments shared by the monitor's queries.
enum MonitorSQL {
    /// A job's derived state (contract §2.2, per-row badge order); `$1` is the application's now.
    static let stateCase = """
        CASE WHEN finished_at IS NOT NULL AND error IS NOT NULL THEN 'discarded'
             WHEN finished_at IS NOT NULL THEN 'succeeded'
             WHEN performed_at IS NOT NULL THEN 'running'
             WHEN coalesce(scheduled_at, created_at) <= $1 THEN 'queued'
             WHEN error IS NOT NULL THEN 'retried'
             ELSE 'scheduled' END
        """

    /// GoodJob's scope for `state` (`GoodJob::Job.scheduled` etc., contract §2.2): what the dashboard counts
    /// and lists under that state; `$1` is the application's now.
    ///
    /// One deviation, for rows GoodJob never writes: a row without `scheduled_at` counts as queued from its
    /// `created_at` (GoodJob's scopes drop it from every state), so the screen still lists it.
    static func stateScope(_ state: JobState) -> String {
        switch state {
        case .queued: "performed_at IS NULL AND finished_at IS NULL AND coalesce(scheduled_at, created_at) <= $1"
        case .scheduled: "finished_at IS NULL AND scheduled_at > $1 AND \(paramsExecutions) < 2"
        case .retried: "finished_at IS NULL AND scheduled_at > $1 AND \(paramsExecutions) > 1"
        case .running: "performed_at IS NOT NULL AND finished_at IS NULL"
        case .succeeded: "finished_at IS NOT NULL AND error IS NULL"
        case .discarded: "finished_at IS NOT NULL AND error IS NOT NULL"
        }
    }

    /// The rows whose badge (`stateCase`) is `state`, as index-friendly conditions; `$1` is the application's now.
    static func badgePredicate(_ state: JobState) -> String {
        let waiting = "finished_at IS NULL AND performed_at IS NULL"
        return switch state {
        case .queued: "\(waiting) AND coalesce(scheduled_at, created_at) <= $1"
        case .scheduled: "\(waiting) AND scheduled_at > $1 AND error IS NULL"
        case .retried: "\(waiting) AND scheduled_at > $1 AND error IS NOT NULL"
        case .running, .succeeded, .discarded: stateScope(state)
        }
    }

    /// Discarded jobs per queue among the newest `limit` (a placeholder such as `$2`; the discarded index).
    static func newestDiscardedByQueue(limit: String) -> String {
        """
        SELECT queue_name, count(*) AS discarded FROM (
          SELECT coalesce(queue_name, '') AS queue_name FROM good_jobs
          WHERE finished_at IS NOT NULL AND error IS NOT NULL ORDER BY finished_at DESC LIMIT \(limit)
        ) newest GROUP BY 1
        """
    }

    /// `serialized_params.executions` as GoodJob's state scopes read it (`(serialized_params->>'executions')::integer`),
    /// NULL where that cast would fail (no key, not a whole number) instead of failing the query.
    static let paramsExecutions = """
        CASE WHEN serialized_params->>'executions' ~ '^[[:space:]]*[-+]?[0-9]{1,9}[[:space:]]*$'
             THEN (serialized_params->>'executions')::integer END
        """

    /// The error's class as failure groups name it: the text before the first `": "`, cut to 200 characters.
    // Without the cut an error lacking the separator names its group by its whole text; `substr` reads
    // only the first 201 characters of a toasted 1 MB error (slice detoast), and gives the same class.
    /// Up to `limit` unfinished rows in id order from `start`, wrapping round to the lowest ids: a uniform
    /// sample when `start` is a random id. `start` and `limit` name bound parameters (`$2`), never values.
    static func unfinishedSample(columns: String, start: String, limit: String) -> String {
        """
        SELECT * FROM (
          (SELECT \(columns) FROM good_jobs WHERE finished_at IS NULL AND id >= \(start) ORDER BY id LIMIT \(limit))
          UNION ALL
          (SELECT \(columns) FROM good_jobs WHERE finished_at IS NULL AND id < \(start) ORDER BY id LIMIT \(limit))
        ) wrapped LIMIT \(limit)
        """
    }

    static let errorClass = "left(split_part(substr(error, 1, 201), ': ', 1), 200)"

    /// The first application frame of the job's newest attempt (`BacktraceFrame`'s rule: `$3` the
    /// source-location pattern, `$4` the framework paths), cut to 300 characters; NULL when none.
    /// One index probe per failed job (executions by `(active_job_id, created_at)`).
    static let firstApplicationFrame = """
        (SELECT left(b.line, 300) FROM unnest((SELECT e.error_backtrace FROM good_job_executions e
                 WHERE e.active_job_id = good_jobs.id ORDER BY e.created_at DESC LIMIT 1)) WITH ORDINALITY AS b(line, n)
         WHERE b.line ~ $3 AND b.line !~ $4 ORDER BY b.n LIMIT 1)
        """

    /// The advisory-lock key of a row (contract §3.4).
    static func lockKey(table: String, idColumn: String) -> String {
        AdvisoryLockSQL.rowKey(table: table, id: idColumn)
    }

    /// Whether any session holds the advisory lock whose key is the bigint expression `key`.
    static func lockHeld(_ key: String) -> String {
        AdvisoryLockSQL.held(key)
    }

    /// A JSON value as an integer when it is a number, else NULL (process state is free-form).
    static func jsonInt(_ expression: String) -> String {
        "CASE WHEN jsonb_typeof(\(expression)) = 'number' THEN (\(expression))::text::numeric::bigint END"
    }
}
