import Foundation

/// A Swift value that can travel as a bound statement parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The text form PostgreSQL parses for the parameter's type; nil binds SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresEncodable { public var postgresText: String? { self } }
extension Int: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Int16: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Int32: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Int64: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Double: PostgresEncodable { public var postgresText: String? { String(self) } }
extension Bool: PostgresEncodable { public var postgresText: String? { self ? "t" : "f" } }
extension UUID: PostgresEncodable { public var postgresText: String? { PostgresUUID.format(self) } }

extension Date: PostgresEncodable {
    /// UTC with microseconds and an explicit `+00`: right for `timestamptz`, and for
    /// `timestamp without time zone` PostgreSQL drops the offset, leaving the UTC wall clock.
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText }
}

extension Array: PostgresEncodable where Element == String {
    /// A `text[]` literal with every element quoted.
    public var postgresText: String? { PostgresArray.format(self) }
}

/// A JSON document bound as text; the statement casts it (`$1::jsonb`).
public struct PostgresJSON: PostgresEncodable, Hashable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public var postgresText: String? { text }
}

/// A one-dimensional array parameter whose elements may be NULL (`$1::timestamp[]`, `$1::text[]`).
public struct PostgresTextArray: PostgresEncodable {
    public let elements: [String?]
    public init(_ elements: [String?]) { self.elements = elements }
    /// A closure, not `\.postgresText`: a key path through the generic `T` is built anew at every call.
    public init<T: PostgresEncodable>(encoding values: [T]) { self.elements = values.map { $0.postgresText } }
    public var postgresText: String? { PostgresArray.format(nullable: elements) }
}
