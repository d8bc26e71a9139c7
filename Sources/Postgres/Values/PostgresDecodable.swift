import Foundation

/// A Swift value decoded from a result column's text form.
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value; `oid` is the column's type, for types with several spellings.
    init(postgresText text: String, oid: UInt32) throws
    /// Decodes a possibly NULL value; only Optional accepts NULL.
    static func decode(postgresText text: String?, oid: UInt32) throws -> Self
}

extension PostgresDecodable {
    public static func decode(postgresText text: String?, oid: UInt32) throws -> Self {
        guard let text else { throw PostgresError(.decodingFailed, "unexpected NULL") }
        return try Self(postgresText: text, oid: oid)
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws {
        self = try Wrapped(postgresText: text, oid: oid)
    }

    public static func decode(postgresText text: String?, oid: UInt32) throws -> Self {
        guard let text else { return nil }
        return try Wrapped(postgresText: text, oid: oid)
    }
}

extension String: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self = text }
}

private func integer<T: FixedWidthInteger>(_ text: String, _ type: T.Type) throws -> T {
    guard let value = T(text) else { throw PostgresError(.decodingFailed, "\"\(text)\" is not an integer") }
    return value
}

extension Int: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self = try integer(text, Int.self) }
}
extension Int16: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self = try integer(text, Int16.self) }
}
extension Int32: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self = try integer(text, Int32.self) }
}
extension Int64: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self = try integer(text, Int64.self) }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws {
        guard let value = Double(text) else { throw PostgresError(.decodingFailed, "\"\(text)\" is not a number") }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresError(.decodingFailed, "\"\(text)\" is not a boolean")
        }
    }
}

extension UUID: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws {
        guard let value = PostgresUUID.parse(text) else {
            throw PostgresError(.decodingFailed, "\"\(text)\" is not a uuid")
        }
        self = value
    }
}

extension Date: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self = try PostgresTimestamp.parse(text) }
}

extension Array: PostgresDecodable where Element == String {
    public init(postgresText text: String, oid: UInt32) throws { self = try PostgresArray.parse(text) }
}

extension PostgresJSON: PostgresDecodable {
    public init(postgresText text: String, oid: UInt32) throws { self.init(text) }
}
