/// Active Job's per-`retry_on` attempt counters (`exception_executions`), in insertion order.
///
/// Keys are the Ruby `inspect` of the rule's exception list, e.g. `"[Net::ReadTimeout]"` or
/// `"[Net::OpenTimeout, Timeout::Error]"`; values count how often that rule caught an error.
public struct ExceptionExecutions: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var count: Int

        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }

    public private(set) var entries: [Entry]

    public init() {
        entries = []
    }

    public init(_ counts: KeyValuePairs<String, Int>) {
        entries = []
        for (key, count) in counts { self[key] = count }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The count for a rule key; setting keeps an existing key's position and appends a new one.
    public subscript(key: String) -> Int? {
        get { entries.first { $0.key == key }?.count }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let count?): entries[index].count = count
            case (let index?, nil): entries.remove(at: index)
            case (nil, let count?): entries.append(Entry(key: key, count: count))
            case (nil, nil): break
            }
        }
    }

    /// Adds one to `key`'s count (missing counts as 0), as Active Job's `executions_for` does; stops at `Int.max`.
    public func incrementing(_ key: String) -> ExceptionExecutions {
        var copy = self
        let count = self[key] ?? 0
        copy[key] = count < Int.max ? count + 1 : Int.max
        return copy
    }

    public var json: JSONValue {
        .object(JSONObject(entries.map { JSONObject.Entry(key: $0.key, value: .int(Int64($0.count))) }))
    }

    /// Reads the JSON object; `null` reads as no counters.
    public init(json: JSONValue) throws(ActiveJobPayloadError) {
        if json.isNull {
            self.init()
            return
        }
        guard let object = json.objectValue else {
            throw ActiveJobPayloadError(.wrongType(key: "exception_executions", expected: "an object of integers", found: json))
        }
        self.init()
        for entry in object {
            guard let count = entry.value.intValue else {
                throw ActiveJobPayloadError(
                    .wrongType(key: "exception_executions.\(entry.key)", expected: "an integer", found: entry.value))
            }
            self[entry.key] = count
        }
    }
}
