/// A JSON object whose members keep the order they were written or inserted in.
///
/// Lookup by key is a linear scan: objects in job rows have a dozen keys, and order matters more
/// than speed here (Rails writes `serialized_params` in a fixed order).
public struct JSONObject: Sendable, Hashable {
    /// One member of the object.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order; keys are unique.
    public private(set) var entries: [Entry]

    public init() {
        entries = []
    }

    /// Builds an object from members in order; a repeated key replaces the earlier value in its place.
    public init(_ entries: [Entry]) {
        var positions: [String: Int] = [:]
        var unique: [Entry] = []
        unique.reserveCapacity(entries.count)
        for entry in entries {
            if let position = positions[entry.key] {
                unique[position].value = entry.value
            } else {
                positions[entry.key] = unique.count
                unique.append(entry)
            }
        }
        self.entries = unique
    }

    /// Builds from already-unique members without checking (the parser has checked).
    init(uniqueEntries: [Entry]) {
        entries = uniqueEntries
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public func contains(key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    /// Reads a member; writing replaces a value in place, appends a new key, or removes the key on `nil`.
    public subscript(key: String) -> JSONValue? {
        get {
            entries.first { $0.key == key }?.value
        }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        return entries.remove(at: index).value
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Entry(key: $0.0, value: $0.1) })
    }
}
