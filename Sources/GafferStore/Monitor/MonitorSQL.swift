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

    /// The advisory-lock key of a row (contract §3.4): first 8 bytes of md5(`<table>-<uuid>`), signed.
    static func lockKey(table: String, idColumn: String) -> String {
        "('x' || substr(md5('\(table)-' || \(idColumn)::text), 1, 16))::bit(64)::bigint"
    }

    /// Whether any session holds the advisory lock whose key is the bigint expression `key`.
    static func lockHeld(_ key: String) -> String {
        """
        EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
                AND l.classid::bigint = ((\(key)) >> 32) & 4294967295
                AND l.objid::bigint = (\(key)) & 4294967295)
        """
    }

    /// A JSON value as an integer when it is a number, else NULL (process state is free-form).
    static func jsonInt(_ expression: String) -> String {
        "CASE WHEN jsonb_typeof(\(expression)) = 'number' THEN (\(expression))::text::numeric::bigint END"
    }
}
