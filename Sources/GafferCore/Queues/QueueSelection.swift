/// Which queues a worker serves, pool by pool: GoodJob's `queues` syntax, e.g. `"a,b:2;-a,b:3;+x,y;*"`.
///
/// Pools are separated by `;`; each is `<queues>[:<threads>]`. Queues are a comma list (spaces
/// trimmed); `*` anywhere means all queues, a leading `-` excludes the listed queues, a leading `+`
/// serves them in the listed order. An empty list means `*`, a missing thread count means the
/// default. Stricter than GoodJob, which turns mistakes into odd pools (`a:x` would get 0 threads,
/// `a,,b` would serve a queue named ""): those are refused with the position of the problem.
public struct QueueSelection: Sendable, Hashable {
    public var pools: [PoolSpec]

    public init(pools: [PoolSpec]) {
        self.pools = pools
    }

    /// Whether any pool may claim a job in `queueName` (nil for a NULL column).
    public func accepts(queueName: String?) -> Bool {
        pools.contains { $0.accepts(queueName: queueName) }
    }

    /// Parses a selection; blank text means `*`. `defaultThreads` (positive) fills pools without `:n`.
    public static func parse(_ text: String, defaultThreads: Int) throws(QueueSelectionError) -> QueueSelection {
        precondition(defaultThreads > 0, "defaultThreads must be positive")
        var parser = Parser(text: text, defaultThreads: defaultThreads)
        return QueueSelection(pools: try parser.parse())
    }
}

extension QueueSelection: CustomStringConvertible {
    /// The selection in its own syntax with every thread count written out, e.g. `a,b:2;*:5`.
    public var description: String {
        pools.map(\.description).joined(separator: ";")
    }
}

extension QueueSelection {
    /// Splits and checks the text, tracking character indices so errors can name positions.
    private struct Parser {
        let text: String
        let characters: [Character]
        let defaultThreads: Int

        init(text: String, defaultThreads: Int) {
            self.text = text
            self.characters = Array(text)
            self.defaultThreads = defaultThreads
        }

        mutating func parse() throws(QueueSelectionError) -> [PoolSpec] {
            let whole = 0..<characters.count
            if trimmed(whole).isEmpty {
                return [PoolSpec(kind: .all, threads: defaultThreads)]
            }
            let segments = split(whole, on: ";")
            var pools: [PoolSpec] = []
            for (index, segment) in segments.enumerated() {
                if trimmed(segment).isEmpty {
                    // A trailing ";" is harmless (GoodJob ignores it too); an inner empty pool is a typo.
                    if index == segments.count - 1 { continue }
                    throw failure(.emptyPool, at: segment.upperBound)
                }
                pools.append(try parsePool(segment))
            }
            return pools
        }

        private func parsePool(_ segment: Range<Int>) throws(QueueSelectionError) -> PoolSpec {
            let colons = segment.filter { characters[$0] == ":" }
            if colons.count > 1 {
                throw failure(.extraColon, at: colons[1])
            }
            var threads = defaultThreads
            if let colon = colons.first {
                let threadsRange = trimmed(colon + 1..<segment.upperBound)
                if !threadsRange.isEmpty {
                    let threadsText = String(characters[threadsRange])
                    guard threadsText.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(threadsText), PoolSpec.threadRange.contains(count) else {
                        throw failure(.invalidThreads(threadsText), at: threadsRange.lowerBound)
                    }
                    threads = count
                }
            }
            let kind = try parseQueues(trimmed(segment.lowerBound..<(colons.first ?? segment.upperBound)))
            return PoolSpec(kind: kind, threads: threads)
        }

        private func parseQueues(_ range: Range<Int>) throws(QueueSelectionError) -> PoolSpec.Kind {
            if range.isEmpty { return .all }
            var list = range
            let first = characters[range.lowerBound]
            let sign: Character? = first == "-" || first == "+" ? first : nil
            if let sign {
                list = range.lowerBound + 1..<range.upperBound
                if trimmed(list).isEmpty {
                    throw failure(.signWithoutQueues(sign), at: range.lowerBound)
                }
            }
            var names: [String] = []
            for part in split(list, on: ",") {
                let name = trimmed(part)
                if name.isEmpty {
                    // Point at the comma that makes the name empty: the one after it, or the one before.
                    throw failure(.emptyQueueName, at: part.upperBound < list.upperBound ? part.upperBound : part.lowerBound - 1)
                }
                let leading = characters[name.lowerBound]
                if leading == "-" || leading == "+" {
                    throw failure(.misplacedSign(leading), at: name.lowerBound)
                }
                names.append(String(characters[name]))
            }
            if names.contains("*") { return .all }
            switch sign {
            case "-": return .exclude(names)
            case "+": return .ordered(names)
            default: return .include(names)
            }
        }

        /// Sub-ranges of `range` between occurrences of `separator`.
        private func split(_ range: Range<Int>, on separator: Character) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var start = range.lowerBound
            for index in range where characters[index] == separator {
                parts.append(start..<index)
                start = index + 1
            }
            parts.append(start..<range.upperBound)
            return parts
        }

        /// `range` without leading and trailing whitespace.
        private func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, characters[lower].isWhitespace { lower += 1 }
            while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
            return lower..<upper
        }

        /// An error at a 0-based character index, reported 1-based.
        private func failure(_ code: QueueSelectionError.Code, at index: Int) -> QueueSelectionError {
            QueueSelectionError(code, in: text, at: index + 1)
        }
    }
}
