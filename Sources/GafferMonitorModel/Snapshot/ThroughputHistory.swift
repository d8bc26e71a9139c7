
/// Finished-job counts per refresh window, per queue and in total, newest last (for sparklines).
public struct ThroughputHistory: Sendable, Hashable {
    public static let capacity = 60

    public private(set) var total: [Int] = []
    public private(set) var perQueue: [String: [Int]] = [:]
    public private(set) var failedTotal: [Int] = []

    public init() {}

    /// Appends one window; queues absent from `counts` get a zero.
    public mutating func record(_ counts: [FinishedCounts]) {
        let byQueue = Dictionary(counts.map { ($0.queue, $0.succeeded + $0.failed) }, uniquingKeysWith: +)
        for queue in Set(perQueue.keys).union(byQueue.keys) {
            var series = perQueue[queue] ?? Array(repeating: 0, count: total.count)
            series.append(byQueue[queue] ?? 0)
            perQueue[queue] = Array(series.suffix(Self.capacity))
        }
        total = Array((total + [byQueue.values.reduce(0, +)]).suffix(Self.capacity))
        failedTotal = Array((failedTotal + [counts.map(\.failed).reduce(0, +)]).suffix(Self.capacity))
    }

    public func series(for queue: String) -> [Int] { perQueue[queue] ?? [] }
}
