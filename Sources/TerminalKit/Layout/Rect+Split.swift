extension Rect {
    /// Stacks parts from top to bottom, one per constraint.
    public func split(rows constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Self.lengths(for: constraints, total: height, spacing: spacing).map { offset, length in
            Rect(x: x, y: y + offset, width: width, height: length)
        }
    }

    /// Places parts from left to right, one per constraint.
    public func split(columns constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Self.lengths(for: constraints, total: width, spacing: spacing).map { offset, length in
            Rect(x: x + offset, y: y, width: length, height: height)
        }
    }

    /// Offsets and lengths of each part along one axis.
    ///
    /// Fixed and percentage parts are served first, in order, until the space runs out;
    /// fill parts share the rest by weight, with the rounding remainder going to the
    /// earliest fills. `spacing` cells separate neighbouring parts.
    static func lengths(for constraints: [Constraint], total: Int, spacing: Int) -> [(offset: Int, length: Int)] {
        guard !constraints.isEmpty else { return [] }
        let gaps = max(0, spacing) * (constraints.count - 1)
        var remaining = max(0, total - gaps)
        let available = remaining
        var lengths = [Int](repeating: 0, count: constraints.count)

        for (index, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .fixed(let cells): wanted = max(0, cells)
            case .percent(let percent): wanted = available * min(max(0, percent), 100) / 100
            case .fill: continue
            }
            lengths[index] = min(wanted, remaining)
            remaining -= lengths[index]
        }

        let weights = constraints.map { constraint -> Int in
            if case .fill(let weight) = constraint { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var handedOut = 0
            for index in constraints.indices where weights[index] > 0 {
                lengths[index] = remaining * weights[index] / totalWeight
                handedOut += lengths[index]
            }
            var leftover = remaining - handedOut
            for index in constraints.indices where weights[index] > 0 && leftover > 0 {
                lengths[index] += 1
                leftover -= 1
            }
        }

        var offset = 0
        return lengths.map { length in
            defer { offset += length + max(0, spacing) }
            return (offset, length)
        }
    }
}
