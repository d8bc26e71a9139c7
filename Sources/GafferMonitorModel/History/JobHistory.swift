#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Jobs finished and failed per time bucket, overall and per queue, read from the finished rows.
///
/// Counted from `good_jobs.finished_at` (index `index_good_jobs_jobs_on_finished_at_only`), so it
/// needs no samples: a screen opened a second ago shows the whole last day. A failure here is a job
/// that finished with an error (discarded); attempts that failed and will be retried are not
/// finished rows and are not counted (the Failures pane shows them).
public struct JobHistory: Sendable, Hashable {
    /// How far back and how fine: the last hour per minute, or the last day per 10 minutes.
    public enum Span: String, Sendable, Hashable, CaseIterable {
        case hour, day

        public var bucketSeconds: Int { self == .hour ? 60 : 600 }
        public var bucketCount: Int { self == .hour ? 60 : 144 }
        /// `per minute, last hour`.
        public var title: String { self == .hour ? "per minute, last hour" : "per 10 min, last 24 h" }
        public var other: Span { self == .hour ? .day : .hour }
    }

    /// One bucket's counts.
    public struct Bucket: Sendable, Hashable {
        public var succeeded: Int
        public var failed: Int

        public init(succeeded: Int = 0, failed: Int = 0) {
            self.succeeded = succeeded
            self.failed = failed
        }

        public var finished: Int { succeeded + failed }
    }

    /// One row of the query: a queue's counts in one bucket, the bucket numbered from the epoch.
    public struct Count: Sendable, Hashable {
        public var queue: String
        public var bucket: Int
        public var succeeded: Int
        public var failed: Int

        public init(queue: String, bucket: Int, succeeded: Int, failed: Int) {
            self.queue = queue
            self.bucket = bucket
            self.succeeded = succeeded
            self.failed = failed
        }
    }

    public var span: Span
    /// The application time the rows were counted at; the last bucket ends here.
    public var now: Date
    /// Every bucket overall, oldest first (`span.bucketCount` of them, the last one still filling).
    public var total: [Bucket]
    /// The same per queue, queues by name.
    public var perQueue: [String: [Bucket]]

    /// Dense series from the query's sparse rows; rows outside the span are dropped.
    public init(span: Span, now: Date, counts: [Count]) {
        self.span = span
        self.now = now
        let first = Self.firstBucket(span, now: now)
        var total = Array(repeating: Bucket(), count: span.bucketCount)
        var perQueue: [String: [Bucket]] = [:]
        for count in counts {
            let index = count.bucket - first
            guard total.indices.contains(index) else { continue }
            total[index].succeeded += count.succeeded
            total[index].failed += count.failed
            var series = perQueue[count.queue] ?? Array(repeating: Bucket(), count: span.bucketCount)
            series[index].succeeded += count.succeeded
            series[index].failed += count.failed
            perQueue[count.queue] = series
        }
        self.total = total
        self.perQueue = perQueue
    }

    /// The number (from the epoch) of the span's oldest bucket at `now`: buckets are aligned to
    /// their width, so minutes start at :00 and the newest bucket holds `now`.
    public static func firstBucket(_ span: Span, now: Date) -> Int {
        let current = Int((now.timeIntervalSince1970 / Double(span.bucketSeconds)).rounded(.down))
        return current - span.bucketCount + 1
    }

    /// Where the oldest bucket starts: the query's lower bound.
    public static func start(_ span: Span, now: Date) -> Date {
        Date(timeIntervalSince1970: Double(firstBucket(span, now: now) * span.bucketSeconds))
    }

    /// The start time of bucket `index` (0 = oldest).
    public func bucketStart(_ index: Int) -> Date {
        Date(timeIntervalSince1970: Double((Self.firstBucket(span, now: now) + index) * span.bucketSeconds))
    }

    /// Queues by jobs finished in the span, busiest first (ties by name).
    public var busiestQueues: [String] {
        let totals: [(queue: String, finished: Int)] = perQueue.map { queue, buckets in
            (queue, buckets.reduce(0) { sum, bucket in sum + bucket.finished })
        }
        return totals.sorted { a, b in a.finished != b.finished ? a.finished > b.finished : a.queue < b.queue }
            .map(\.queue)
    }
}
