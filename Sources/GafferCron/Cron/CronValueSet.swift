/// The values one cron field matches, as a bit set over 0...63.
struct CronValueSet: Sendable, Hashable {
    private(set) var bits: UInt64 = 0

    init() {}

    init<S: Sequence<Int>>(_ values: S) {
        for value in values { insert(value) }
    }

    var isEmpty: Bool { bits == 0 }

    /// The values in ascending order.
    var values: [Int] { (0..<64).filter(contains) }

    func contains(_ value: Int) -> Bool {
        (0..<64).contains(value) && bits & (1 << UInt64(value)) != 0
    }

    mutating func insert(_ value: Int) {
        precondition((0..<64).contains(value), "cron values are 0...63")
        bits |= 1 << UInt64(value)
    }

    /// The smallest member that is `value` or more.
    func next(from value: Int) -> Int? {
        guard value < 64 else { return nil }
        let rest = bits >> UInt64(max(value, 0))
        return rest == 0 ? nil : max(value, 0) + rest.trailingZeroBitCount
    }

    /// The largest member that is `value` or less.
    func previous(from value: Int) -> Int? {
        guard value >= 0 else { return nil }
        let kept = value >= 63 ? bits : bits & ((1 << UInt64(value + 1)) - 1)
        return kept == 0 ? nil : 63 - kept.leadingZeroBitCount
    }
}
