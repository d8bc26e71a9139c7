/// GoodJob's advisory-lock key as SQL (contract §3.4), written once for every statement that locks.
///
/// The key is the first 8 bytes of md5 of the key text, read as a signed bigint; `GafferCore`'s
/// `AdvisoryLockKey` computes the same value in Swift (a test checks both agree). Arguments are SQL
/// expressions and table names from this package's own code, never values from outside.
enum AdvisoryLockSQL {
    /// The key of the SQL text expression `text` (a concurrency key, `$1::text`, …).
    static func key(_ text: String) -> String {
        "('x' || substr(md5(" + text + "), 1, 16))::bit(64)::bigint"
    }

    /// The key of a row: `<table>-<uuid>`, as GoodJob locks jobs, processes and batches.
    static func rowKey(table: String, id: String) -> String {
        key("'" + table + "-' || " + id + "::text")
    }

    /// Whether any session holds the advisory lock whose key is the bigint expression `key`.
    static func held(_ key: String) -> String {
        "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid::bigint = ((" + key + ") >> 32) & 4294967295"
            + " AND l.objid::bigint = (" + key + ") & 4294967295)"
    }
}
