/// A small deterministic generator (SplitMix64), so the demo's data and its simulated failures
/// are the same on every run and every machine.
struct DemoRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one decision about one thing, e.g. `("publication", 42, attempt 2)`.
    init(_ topic: String, _ id: Int, _ salt: Int = 0) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the topic, then mixed with the numbers
        for byte in topic.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        self.init(seed: hash ^ (UInt64(bitPattern: Int64(id)) &* 0x9e37_79b9_7f4a_7c15) ^ UInt64(bitPattern: Int64(salt)) << 32)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }
}
