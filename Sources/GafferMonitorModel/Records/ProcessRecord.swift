#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One `good_job_processes` row with the parts of its `state` JSON the monitor shows (contract §5).
public struct ProcessRecord: Sendable, Hashable {
    public var id: UUID
    public var hostname: String
    public var pid: Int?
    /// Resident memory in KiB as the process reported it (0 or nil when unknown).
    public var memoryKiB: Int?
    public var proctitle: String
    /// Each pool as `queues:max_threads`, joined with `; `.
    public var pools: String
    /// Each pool's queue selection (`queues` of a scheduler), for "does anyone serve this queue".
    public var queueSelections: [String]
    public var maxThreads: Int
    public var activeThreads: Int
    public var startedAt: Date
    /// `updated_at`: the last heartbeat.
    public var heartbeatAt: Date
    /// Active by GoodJob's rule: holds its advisory lock (lock_type 0) or heartbeat within 5 min.
    public var isActive: Bool

    public init(id: UUID, hostname: String, pid: Int?, memoryKiB: Int?, proctitle: String, pools: String,
                queueSelections: [String] = [], maxThreads: Int, activeThreads: Int, startedAt: Date, heartbeatAt: Date, isActive: Bool) {
        self.id = id
        self.hostname = hostname
        self.pid = pid
        self.memoryKiB = memoryKiB
        self.proctitle = proctitle
        self.pools = pools
        self.queueSelections = queueSelections
        self.maxThreads = maxThreads
        self.activeThreads = activeThreads
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.isActive = isActive
    }
}
