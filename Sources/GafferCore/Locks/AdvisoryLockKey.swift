#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A PostgreSQL advisory-lock key computed exactly as GoodJob computes it.
///
/// GoodJob locks `('x' || substr(md5(key_text), 1, 16))::bit(64)::bigint`: the first 8 bytes of
/// the MD5 digest read big-endian as a signed 64-bit integer. Key texts are `good_jobs-<uuid>` for
/// jobs, `good_job_processes-<uuid>` for process heartbeats, `good_job_batches-<uuid>` for batches,
/// and the raw concurrency key for limits. `pg_locks` shows the key split into `classid` (upper 32
/// bits) and `objid` (lower 32 bits) with `objsubid = 1`.
public struct AdvisoryLockKey: Sendable, Hashable {
    /// The text that was hashed, e.g. `good_jobs-0b7c1f0e-…`.
    public let text: String
    /// The bigint passed to `pg_try_advisory_lock` / `pg_advisory_unlock`.
    public let value: Int64

    /// The key for an arbitrary text (a concurrency key, `label:<label>`, …).
    public init(text: String) {
        self.text = text
        self.value = Self.hash(text)
    }

    /// The lock a worker holds on a job while running it.
    public static func forJob(id: UUID) -> AdvisoryLockKey {
        AdvisoryLockKey(text: "good_jobs-" + id.uuidString.lowercased())
    }

    /// The lock a process holds on its own `good_job_processes` row (lock_type 0).
    public static func forProcess(id: UUID) -> AdvisoryLockKey {
        AdvisoryLockKey(text: "good_job_processes-" + id.uuidString.lowercased())
    }

    /// The transaction lock taken around batch bookkeeping.
    public static func forBatch(id: UUID) -> AdvisoryLockKey {
        AdvisoryLockKey(text: "good_job_batches-" + id.uuidString.lowercased())
    }

    /// First 8 bytes of MD5(`keyText`) as a big-endian signed Int64.
    public static func hash(_ keyText: String) -> Int64 {
        let digest = MD5.digest(Array(keyText.utf8))
        let unsigned = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int64(bitPattern: unsigned)
    }

    /// Upper 32 bits, as `pg_locks.classid` shows them.
    public var classid: UInt32 {
        UInt32(truncatingIfNeeded: UInt64(bitPattern: value) >> 32)
    }

    /// Lower 32 bits, as `pg_locks.objid` shows them.
    public var objid: UInt32 {
        UInt32(truncatingIfNeeded: UInt64(bitPattern: value))
    }
}
