/// One `key = value` line of a config file, with the table it sits in and its line number.
public struct ConfigEntry: Sendable, Hashable {
    /// The `[table]` above it; empty at the top of the file.
    public var table: String
    public var key: String
    public var value: ConfigValue
    /// 1-based.
    public var line: Int

    public init(table: String, key: String, value: ConfigValue, line: Int) {
        self.table = table
        self.key = key
        self.value = value
        self.line = line
    }

    /// A `[table]` header.
    public struct Table: Sendable, Hashable {
        public var name: String
        /// 1-based.
        public var line: Int

        public init(name: String, line: Int) {
            self.name = name
            self.line = line
        }
    }

    /// `alerts.max-latency`, or `theme` at the top.
    public var path: String { table.isEmpty ? key : "\(table).\(key)" }
}
