/// A Ruby Hash argument: ordered string keys, each remembered as a Symbol or a String key.
///
/// Active Job writes a hash with string keys followed by one marker listing the Symbol keys:
/// `_aj_symbol_keys` for an ordinary hash, `_aj_ruby2_keywords` for a keyword-argument hash.
/// Hashes typed by hand often carry no marker; `marker == .none` keeps that layout.
public struct ArgumentHash: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: ArgumentValue
        /// Whether Ruby sees the key as a Symbol (`:key`) rather than a String.
        public var isSymbol: Bool

        public init(key: String, value: ArgumentValue, isSymbol: Bool) {
            self.key = key
            self.value = value
            self.isSymbol = isSymbol
        }
    }

    /// Which marker key the serialized hash carries.
    public enum Marker: Sendable, Hashable {
        /// `_aj_symbol_keys`: an ordinary Ruby hash (what Rails writes for every non-keyword hash).
        case symbolKeys
        /// `_aj_ruby2_keywords`: the hash holds keyword arguments.
        case ruby2Keywords
        /// No marker (all keys are Strings); if an entry is a Symbol anyway, `_aj_symbol_keys` is written.
        case none
    }

    public var entries: [Entry]
    public var marker: Marker

    public init(_ entries: [Entry] = [], marker: Marker = .symbolKeys) {
        self.entries = entries
        self.marker = marker
    }

    /// A hash with Symbol keys, as Ruby's `{publication_id: 1}`.
    public static func symbolKeyed(_ pairs: KeyValuePairs<String, ArgumentValue>) -> ArgumentHash {
        ArgumentHash(pairs.map { Entry(key: $0.key, value: $0.value, isSymbol: true) })
    }

    /// A hash with String keys, as Ruby's `{"publication_id" => 1}`.
    public static func stringKeyed(_ pairs: KeyValuePairs<String, ArgumentValue>) -> ArgumentHash {
        ArgumentHash(pairs.map { Entry(key: $0.key, value: $0.value, isSymbol: false) })
    }

    /// The value for `key`, whether it is a Symbol or a String key.
    public subscript(key: String) -> ArgumentValue? {
        entries.first { $0.key == key }?.value
    }

    // MARK: - Serialized form

    static let globalIDKey = "_aj_globalid"
    static let symbolKeysKey = "_aj_symbol_keys"
    static let ruby2KeywordsKey = "_aj_ruby2_keywords"
    /// Every key starting with this is Active Job's; users' hashes cannot contain one.
    static let reservedPrefix = "_aj_"

    public var json: JSONValue {
        var members = entries.map { JSONObject.Entry(key: $0.key, value: $0.value.json) }
        let symbolKeys = JSONValue.array(entries.filter(\.isSymbol).map { .string($0.key) })
        switch marker {
        case .symbolKeys:
            members.append(JSONObject.Entry(key: Self.symbolKeysKey, value: symbolKeys))
        case .ruby2Keywords:
            members.append(JSONObject.Entry(key: Self.ruby2KeywordsKey, value: symbolKeys))
        case .none:
            if entries.contains(where: \.isSymbol) {
                members.append(JSONObject.Entry(key: Self.symbolKeysKey, value: symbolKeys))
            }
        }
        return .object(JSONObject(members))
    }

    /// Reads a serialized hash laid out exactly as Rails writes it; nil for anything else.
    ///
    /// "Exactly" means: no `_aj_*` key other than one trailing marker, and the marker lists keys of
    /// this hash in their order. Anything else is left to `.opaque` so that it re-encodes unchanged.
    init?(decoding object: JSONObject) {
        var members = Array(object.entries)
        var marker = Marker.none
        var symbolKeys: [String] = []
        if let last = members.last, last.key == Self.symbolKeysKey || last.key == Self.ruby2KeywordsKey {
            guard let names = last.value.arrayValue?.map(\.stringValue), names.allSatisfy({ $0 != nil }) else {
                return nil
            }
            marker = last.key == Self.symbolKeysKey ? .symbolKeys : .ruby2Keywords
            symbolKeys = names.map { $0! }
            members.removeLast()
        }
        if members.contains(where: { $0.key.hasPrefix(Self.reservedPrefix) }) {
            return nil
        }
        // The marker must name keys of this hash, in the hash's order, each once.
        var remaining = symbolKeys[...]
        var entries: [Entry] = []
        for member in members {
            let isSymbol = remaining.first == member.key
            if isSymbol { remaining.removeFirst() }
            entries.append(Entry(key: member.key, value: ArgumentValue(json: member.value), isSymbol: isSymbol))
        }
        guard remaining.isEmpty else { return nil }
        self.init(entries, marker: marker)
    }
}
