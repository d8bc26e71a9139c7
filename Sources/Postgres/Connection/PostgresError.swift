/// An error from the database layer, with a code, the SQLSTATE when the server sent one, and context.
///
/// Invariant: no text in it ever holds a connection string or a password; the message is
/// scrubbed of the configured password before it is stored.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case connectionFailed = "connection_failed"
        case malformedConnectionString = "malformed_connection_string"
        case connectionLost = "connection_lost"
        case queryFailed = "query_failed"
        case decodingFailed = "decoding_failed"
        case serverNotFound = "server_not_found"
        case serverFailed = "server_failed"
    }

    public let code: Code
    /// Five-character SQLSTATE (e.g. `23505` unique violation), when the server reported one.
    public let sqlState: String?
    public let message: String
    /// Where it happened: the database description or the column being decoded.
    public let context: String
    /// The role the session ran as, when a statement failed on a live session.
    public let role: String?

    public init(_ code: Code, _ message: String, sqlState: String? = nil, context: String = "", role: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.context = context
        self.role = role
    }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// True when the role lacks a privilege (SQLSTATE 42501), as a read-only role does for writes.
    public var isPermissionDenied: Bool { sqlState == "42501" }
    /// True when the connection is gone and must be re-established.
    public var isConnectionError: Bool {
        code == .connectionLost || code == .connectionFailed || (sqlState?.hasPrefix("08") ?? false)
            || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03"
    }

    /// True when an open session died under a statement (not a connection that could not be opened).
    public var isSessionLost: Bool { isConnectionError && code != .connectionFailed }

    /// The fix for a failed connection, by what libpq said went wrong.
    private var connectionHint: String {
        if message.contains("password authentication failed") || message.contains("no password supplied") {
            return "check the password (in the URL, PGPASSWORD or ~/.pgpass)"
        }
        if message.contains("database \"") && message.contains("does not exist") {
            return "create the database or correct its name"
        }
        if message.contains("too many clients") || message.contains("remaining connection slots are reserved") {
            return "the server's max_connections is reached: close idle sessions or raise max_connections"
        }
        return "start PostgreSQL or set DATABASE_URL"
    }

    public var description: String {
        switch code {
        case .connectionFailed:
            return "cannot connect to \(context): \(message); \(connectionHint)"
        case .malformedConnectionString:
            return "\(context) is malformed: \(message); write it as postgresql://user:password@host:port/database or as key=value settings"
        case .connectionLost:
            return "lost connection to \(context): \(message)"
        case .queryFailed where isPermissionDenied:
            return "\(message): role \"\(role ?? "?")\" lacks the privilege; use a role with write access"
        case .queryFailed:
            let state = sqlState.map { " [\($0)]" } ?? ""
            return "query failed\(state): \(message)"
        case .decodingFailed:
            return "cannot decode \(context): \(message)"
        case .serverNotFound, .serverFailed:
            return message
        }
    }
}
