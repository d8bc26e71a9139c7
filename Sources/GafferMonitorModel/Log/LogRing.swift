/// The last `capacity` log lines, oldest first: a bounded ring, so a chatty worker costs fixed memory.
///
/// Copies share storage until one appends, so comparing two copies of an unchanged ring (each
/// frame does) costs no walk over its lines.
public struct LogRing: Sendable, Hashable {
    public let capacity: Int
    private var storage: [LogEntry] = []
    /// Where the oldest line is once the ring is full.
    private var head = 0
    /// Lines appended in all, dropped ones included (the view says how many it no longer holds).
    public private(set) var appended = 0

    public init(capacity: Int = 1000) {
        self.capacity = max(1, capacity)
    }

    public mutating func append(_ entry: LogEntry) {
        appended += 1
        if storage.count < capacity {
            storage.append(entry)
        } else {
            storage[head] = entry
            head = (head + 1) % capacity
        }
    }

    /// The lines held, oldest first.
    public var lines: [LogEntry] { Array(storage[head...] + storage[..<head]) }

    public var count: Int { storage.count }

    /// Lines appended but no longer held.
    public var dropped: Int { appended - storage.count }
}
