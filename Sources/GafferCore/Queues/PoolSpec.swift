/// One pool of a queue selection: which queues it serves and how many threads run its jobs.
public struct PoolSpec: Sendable, Hashable {
    /// Threads one pool may have: each is an OS thread with an 8 MiB stack and a database session.
    public static let threadRange = 1...1000

    /// Which queues a pool takes jobs from.
    public enum Kind: Sendable, Hashable {
        /// `*`: every queue (no queue predicate at all).
        case all
        /// `a,b`: `queue_name IN (a, b)`.
        case include([String])
        /// `-a,b`: `queue_name NOT IN (a, b) OR queue_name IS NULL`.
        case exclude([String])
        /// `+a,b`: like include, but drains `a` before `b` (a leading sort key).
        case ordered([String])
    }

    public var kind: Kind
    /// Execution threads (slots) of the pool; always positive.
    public var threads: Int

    public init(kind: Kind, threads: Int) {
        precondition(threads > 0, "a pool needs at least one thread")
        self.kind = kind
        self.threads = threads
    }

    /// Whether a job in `queueName` (nil for a NULL column) is one this pool may claim.
    public func accepts(queueName: String?) -> Bool {
        switch kind {
        case .all: true
        case .include(let names), .ordered(let names): queueName.map(names.contains) ?? false
        case .exclude(let names): queueName.map { !names.contains($0) } ?? true
        }
    }

    /// The queue list as the selection syntax writes it (`*`, `a,b`, `-a,b`, `+a,b`); GoodJob
    /// reports this as a scheduler's `queues` in the process state.
    public var queuesText: String {
        switch kind {
        case .all: "*"
        case .include(let names): names.joined(separator: ",")
        case .exclude(let names): "-" + names.joined(separator: ",")
        case .ordered(let names): "+" + names.joined(separator: ",")
        }
    }
}

extension PoolSpec: CustomStringConvertible {
    /// The pool in selection syntax with its thread count, e.g. `-a,b:3`.
    public var description: String {
        "\(queuesText):\(threads)"
    }
}
