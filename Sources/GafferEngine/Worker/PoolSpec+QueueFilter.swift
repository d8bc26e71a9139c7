import GafferCore
import GafferStore

extension PoolSpec {
    /// The claim predicate's form of this pool's queue selection.
    var queueFilter: QueueFilter {
        switch kind {
        case .all: return .all
        case .include(let queues): return QueueFilter(kind: .include, queues: queues)
        case .exclude(let queues): return QueueFilter(kind: .exclude, queues: queues)
        case .ordered(let queues): return QueueFilter(kind: .ordered, queues: queues)
        }
    }
}
