/// A queue selection string (`--queues`, `GOOD_JOB_QUEUES`) that cannot be read.
public struct QueueSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// The text after `:` is not a positive whole number.
        case invalidThreads(String)
        /// Nothing (or only spaces) between two `;`, or before the first.
        case emptyPool
        /// A second `:` inside one pool.
        case extraColon
        /// Nothing between two `,`, or before/after the list.
        case emptyQueueName
        /// `-` or `+` somewhere other than before a pool's first queue name.
        case misplacedSign(Character)
        /// `-` or `+` with no queue names after it.
        case signWithoutQueues(Character)
    }

    /// The whole selection as given.
    public var text: String
    public var code: Code
    /// 1-based character offset of the problem in `text`.
    public var position: Int

    public init(_ code: Code, in text: String, at position: Int) {
        self.code = code
        self.text = text
        self.position = position
    }

    public var description: String {
        "queue selection \"\(text)\": \(problem)"
    }

    private var problem: String {
        switch code {
        case .invalidThreads(let threads):
            "threads \"\(threads)\" at position \(position) must be a whole number in \(PoolSpec.threadRange.lowerBound)…\(PoolSpec.threadRange.upperBound)"
        case .emptyPool:
            "empty pool at position \(position); remove the extra \";\""
        case .extraColon:
            "second \":\" at position \(position); a pool has one \":\" before its thread count, e.g. \"a,b:2\""
        case .emptyQueueName:
            "empty queue name at position \(position); remove the extra \",\""
        case .misplacedSign("-"):
            "\"-\" at position \(position) may only start a pool (\"-a,b\" excludes both a and b)"
        case .misplacedSign(let sign):
            "\"\(sign)\" at position \(position) may only start a pool (\"+a,b\" drains a before b)"
        case .signWithoutQueues(let sign):
            "\"\(sign)\" at position \(position) needs queue names after it, e.g. \"\(sign)a,b\""
        }
    }
}
