import GafferCore

/// Whether a pool's queue selection (a scheduler's `queues` text, contract §3.1) takes a queue.
public enum QueueSelectionMatch {
    /// A selection GafferCore's stricter parser refuses counts as taking the queue: the monitor
    /// must not claim "no worker serves it" from text it cannot read.
    public static func accepts(_ selection: String, queue: String) -> Bool {
        guard let parsed = try? QueueSelection.parse(selection, defaultThreads: 1) else { return true }
        return parsed.accepts(queueName: queue)
    }

    /// The queues a selection names (`a,b`, `+a,b`), which a worker serves even while they are empty;
    /// none for `*` or an exclusion.
    public static func named(_ selection: String) -> [String] {
        guard let parsed = try? QueueSelection.parse(selection, defaultThreads: 1) else { return [] }
        return parsed.pools.flatMap { pool -> [String] in
            switch pool.kind {
            case .include(let names), .ordered(let names): names
            case .all, .exclude: []
            }
        }
    }
}
