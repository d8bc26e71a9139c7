/// A line of a config file that is not the TOML Gaffer reads: its number and the fix.
public struct ConfigSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
