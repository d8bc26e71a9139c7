import CLibPQ
import Foundation

/// How to reach a database: a libpq connection string or URI, or "" for libpq's own defaults
/// (`PG*` variables, `.pgpass`, service files).
///
/// Invariant: `conninfo` is only ever handed to libpq. Everything printed uses `displayName`,
/// which names the database and host but never the password or the raw string.
public struct ConnectionConfig: Sendable {
    public let conninfo: String
    public let displayName: String
    let password: String?

    /// Parses `conninfo`; a malformed one throws `.malformedConnectionString` naming `source` (where it came from).
    public init(_ conninfo: String, source: String = "the database URL") throws {
        let parsed = try Self.parse(conninfo, source: source)
        self.conninfo = conninfo
        self.password = parsed["password"]
        self.displayName = Self.describe(parsed)
    }

    /// A unix-socket connection, as the embedded server offers.
    public static func socket(directory: String, port: Int, user: String, database: String) -> ConnectionConfig {
        let info = "host='\(escape(directory))' port=\(port) user='\(escape(user))' dbname='\(escape(database))'"
        // Parsing a string we built from known parts cannot fail.
        return try! ConnectionConfig(info)
    }

    /// The same server, another database (a later `dbname` overrides an earlier one in libpq).
    public func with(database: String) -> ConnectionConfig {
        let info = Self.isURI(conninfo)
            ? Self.uriWithDatabase(conninfo, database)
            : "\(conninfo) dbname='\(Self.escape(database))'"
        return (try? ConnectionConfig(info)) ?? self
    }

    /// The database name this config selects (libpq default: the user name).
    public var databaseName: String? {
        (try? Self.parse(conninfo))?["dbname"] ?? ProcessInfo.processInfo.environment["PGDATABASE"]
    }

    /// Replaces the password, if it appears, in text coming back from libpq or the server.
    func scrub(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "********")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    static func isURI(_ s: String) -> Bool {
        s.hasPrefix("postgres://") || s.hasPrefix("postgresql://")
    }

    private static func uriWithDatabase(_ uri: String, _ database: String) -> String {
        // postgresql://user:pw@host:port/db?params → replace the path segment.
        guard let schemeEnd = uri.range(of: "://") else { return uri }
        let rest = uri[schemeEnd.upperBound...]
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let authorityEnd = rest[..<queryStart].firstIndex(of: "/") ?? queryStart
        let encoded = database.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? database
        return String(uri[..<schemeEnd.upperBound]) + rest[..<authorityEnd] + "/" + encoded + rest[queryStart...]
    }

    /// Parses with libpq's own parser, so every form libpq accepts is accepted here.
    static func parse(_ conninfo: String, source: String = "the database URL") throws -> [String: String] {
        if conninfo.isEmpty { return [:] }
        var errmsg: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errmsg) else {
            var reason = "malformed connection string"
            if let errmsg {
                reason = String(cString: errmsg).trimmingCharacters(in: .whitespacesAndNewlines)
                PQfreemem(errmsg)
            }
            // libpq's parse errors may quote a value ("invalid percent-encoded token: \"pw%zz\""), the
            // password included: mask every password the string holds.
            reason = ConninfoSecrets.mask(ConninfoSecrets.masked(reason), secretsFrom: conninfo)
            throw PostgresError(.malformedConnectionString, reason, context: source)
        }
        defer { PQconninfoFree(options) }
        var result: [String: String] = [:]
        var cursor = options
        while let keyword = cursor.pointee.keyword {
            if let value = cursor.pointee.val {
                result[String(cString: keyword)] = String(cString: value)
            }
            cursor += 1
        }
        return result
    }

    static func describe(_ parsed: [String: String]) -> String {
        let env = ProcessInfo.processInfo.environment
        let database = parsed["dbname"] ?? env["PGDATABASE"] ?? parsed["user"] ?? env["PGUSER"] ?? "postgres"
        let host = parsed["host"] ?? parsed["hostaddr"] ?? env["PGHOST"] ?? "/var/run/postgresql"
        let port = parsed["port"] ?? env["PGPORT"] ?? "5432"
        if host.hasPrefix("/") {
            return "database \"\(database)\" on socket \"\(host)/.s.PGSQL.\(port)\""
        }
        return "database \"\(database)\" on \(host):\(port)"
    }
}
