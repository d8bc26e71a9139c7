import CLibPQ
import Foundation
import GafferConcurrency

/// One libpq connection, owned by one dedicated thread.
///
/// Every blocking libpq call runs on the connection's own thread (its actor executor), so a slow
/// query never stalls Swift's cooperative pool or another connection. Results are copied into
/// `PostgresRows` before they leave the actor. Sessions run in UTC with the `postgres` IntervalStyle.
public actor PostgresConnection {
    public let config: ConnectionConfig
    public let applicationName: String
    /// Settings this session sets as it opens, and again after every reconnect.
    public let sessionSettings: [String: String]
    private let executor: ThreadExecutor
    private var handle: Handle?
    /// Set by `close()`: the owner ended the session, so `reconnectIfLost()` leaves it closed.
    private var closed = false
    /// Set when a statement failed because the server ended the session.
    private var broken = false
    /// Statements `pipeline(transactions:prepared:)` prepared on this session: SQL text → name.
    private var preparedNames: [String: String] = [:]
    /// At most this many prepared statements per session; beyond it statements go unnamed.
    static let preparedLimit = 64

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Connects; throws `.connectionFailed` naming the database (never the password).
    /// `settings`: planner or other settings (`set_config`) the session keeps, also after a reconnect.
    public static func connect(_ config: ConnectionConfig, applicationName: String = "gaffer",
                               settings: [String: String] = [:]) async throws -> PostgresConnection
    {
        let connection = PostgresConnection(config: config, applicationName: applicationName, settings: settings)
        try await connection.open()
        return connection
    }

    private init(config: ConnectionConfig, applicationName: String, settings: [String: String]) {
        self.config = config
        self.applicationName = applicationName
        self.sessionSettings = settings
        self.executor = ThreadExecutor(name: "pg-\(applicationName)")
    }

    deinit { executor.shutdown() }

    /// The server process id of this session (for `pg_terminate_backend` and `pg_locks`).
    public private(set) var backendPID: Int32 = 0

    /// Whether the session is usable: libpq's status, and no end-of-session waiting unread on the socket.
    public var isConnected: Bool {
        guard let conn = handle?.conn, !broken, PQstatus(conn) == CONNECTION_OK else { return false }
        return !Self.serverHungUp(conn)
    }

    /// Drops the current session (if any) and opens a new one.
    public func reconnect() throws {
        handle = nil
        closed = false
        broken = false
        try open()
    }

    /// Reconnects when the session was lost (not when `close()` ended it); returns whether it did.
    @discardableResult
    public func reconnectIfLost() throws -> Bool {
        guard !closed, !isConnected else { return false }
        try reconnect()
        return true
    }

    /// Closes the session; later calls fail with `.connectionLost` until `reconnect()`.
    public func close() {
        handle = nil
        closed = true
    }

    /// True when the server ended an idle session (restart, `pg_terminate_backend`), which libpq only notices on a read.
    static func serverHungUp(_ conn: OpaquePointer) -> Bool {
        var socket = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
        guard socket.fd >= 0 else { return true }
        guard poll(&socket, 1, 0) == 1 else { return false }
        // The first read takes the server's FATAL message, the second meets end-of-file.
        for _ in 0..<2 where PQstatus(conn) == CONNECTION_OK {
            guard PQconsumeInput(conn) == 1 else { break }
            _ = PQisBusy(conn)
        }
        return PQstatus(conn) != CONNECTION_OK
    }

    private func open() throws {
        let conn = Self.openConnection(config, applicationName: applicationName)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let message = conn.map { Self.errorText($0, config) } ?? "out of memory"
            if let conn { PQfinish(conn) }
            throw PostgresError(.connectionFailed, message, context: config.displayName)
        }
        Self.silenceNotices(conn)
        handle = Handle(conn)
        preparedNames = [:]
        backendPID = PQbackendPID(conn)
        _ = try execute("SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'; SET DateStyle = 'ISO, MDY'")
        if !sessionSettings.isEmpty {  // in one round trip
            _ = try pipeline(sessionSettings.sorted { $0.key < $1.key }.map { ("SELECT set_config($1, $2, false)", [$0.key, $0.value]) })
        }
    }

    /// Server NOTICEs would go to stderr, under the screen; Gaffer's statements raise none it needs.
    static func silenceNotices(_ conn: OpaquePointer) {
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    static func openConnection(_ config: ConnectionConfig, applicationName: String) -> OpaquePointer? {
        let keys = ["dbname", "fallback_application_name", "client_encoding"]
        let values = [config.conninfo, applicationName, "UTF8"]
        return withCStrings(keys) { k in
            withCStrings(values) { v in
                // expand_dbname = 1: the first dbname value may be a full connection string or URI.
                PQconnectdbParams(k, v, 1)
            }
        }
    }

    /// Runs one parameterized statement (values bound, never spliced into the text).
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> PostgresRows {
        let conn = try liveConnection()
        let texts = parameters.map { $0.postgresText }
        var cStrings: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { cStrings.forEach { free($0) } }
        let result = cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buffer.count, 1)) {
                PQexecParams(conn, sql, Int32(texts.count), nil, texts.isEmpty ? nil : $0, nil, nil, 0)
            }
        }
        return try consume(result, conn)
    }

    /// Runs several parameterized statements in one round trip and one implicit transaction
    /// (libpq pipeline mode): all of them commit together, or none does.
    ///
    /// This halves the commits of a loop that, say, ends finished attempts and claims new jobs.
    public func pipeline(_ statements: [(sql: String, parameters: [any PostgresEncodable])]) throws -> [PostgresRows] {
        try pipeline(transactions: [statements])[0].get()
    }

    /// Runs several transactions in one round trip (libpq pipeline mode, a sync point after each).
    ///
    /// Each inner list is one implicit transaction that has committed before the next one starts
    /// on the server, so a later transaction may rely on an earlier one's writes being visible to
    /// every session (release a lock only after the finish it guards is durable). A failed
    /// transaction rolls back alone and the ones after it still run: its entry is the error.
    /// A lost connection throws.
    ///
    /// With `prepared`, each statement text is prepared once per session (an extra round trip the first
    /// time) and later sent by name: the server skips parsing, and planning too once it keeps a generic plan.
    /// For a fixed set of texts only (`preparedLimit`).
    public func pipeline(transactions: [[(sql: String, parameters: [any PostgresEncodable])]], prepared: Bool = false)
        throws -> [Result<[PostgresRows], PostgresError>]
    {
        let conn = try liveConnection()
        // Looked up once per statement: hashing a claim's text costs microseconds, every round trip.
        let names = try transactions.map { statements in
            try statements.map { prepared ? try preparedName($0.sql, conn) : nil }
        }
        guard PQenterPipelineMode(conn) == 1 else {
            throw PostgresError(.queryFailed, Self.errorText(conn, config))
        }
        defer { PQexitPipelineMode(conn) }
        for (statements, names) in zip(transactions, names) {
            for (statement, name) in zip(statements, names) { try send(statement, named: name, conn) }
            guard PQpipelineSync(conn) == 1 else {
                throw lostOrFailed(conn, message: Self.errorText(conn, config), sqlState: nil)
            }
        }
        var outcomes: [Result<[PostgresRows], PostgresError>] = []
        for statements in transactions {
            var results: [PostgresRows] = []
            var firstError: PostgresError?
            for _ in statements {
                // Each statement yields its result, then NULL.
                while let result = PQgetResult(conn) {
                    if firstError == nil {
                        do { results.append(try consume(result, conn)) } catch let error as PostgresError {
                            firstError = error
                        }
                    } else {
                        PQclear(result)
                    }
                }
            }
            // Then the sync point: only once it arrives is the implicit transaction known to be committed.
            var synced = false
            while let result = PQgetResult(conn) {
                let status = PQresultStatus(result)
                PQclear(result)
                if status == PGRES_PIPELINE_SYNC { synced = true; break }
            }
            guard synced else { throw firstError ?? lostOrFailed(conn, message: Self.errorText(conn, config), sqlState: nil) }
            outcomes.append(firstError.map { .failure($0) } ?? .success(results))
        }
        return outcomes
    }

    /// The name `sql` is prepared under on this session, preparing it now if need be; nil past `preparedLimit`.
    private func preparedName(_ sql: String, _ conn: OpaquePointer) throws -> String? {
        if let name = preparedNames[sql] { return name }
        guard preparedNames.count < Self.preparedLimit else { return nil }
        let name = "gaffer_\(preparedNames.count + 1)"
        try consume(PQprepare(conn, name, sql, 0, nil), conn)
        preparedNames[sql] = name
        return name
    }

    private func send(_ statement: (sql: String, parameters: [any PostgresEncodable]), named name: String?,
                      _ conn: OpaquePointer) throws {
        let texts = statement.parameters.map { $0.postgresText }
        var cStrings: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { cStrings.forEach { free($0) } }
        let sent = cStrings.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buffer.count, 1)) {
                if let name {
                    PQsendQueryPrepared(conn, name, Int32(texts.count), texts.isEmpty ? nil : $0, nil, nil, 0)
                } else {
                    PQsendQueryParams(conn, statement.sql, Int32(texts.count), nil, texts.isEmpty ? nil : $0, nil, nil, 0)
                }
            }
        }
        guard sent == 1 else { throw lostOrFailed(conn, message: Self.errorText(conn, config), sqlState: nil) }
    }

    /// Runs SQL text without parameters; may hold several statements (DDL, `SET`, `LISTEN`).
    @discardableResult
    public func execute(_ sql: String) throws -> PostgresRows {
        let conn = try liveConnection()
        return try consume(PQexec(conn, sql), conn)
    }

    /// Runs `body` inside BEGIN/COMMIT on this connection, rolling back if it throws.
    public func transaction<T: Sendable>(_ body: @Sendable (isolated PostgresConnection) throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            if isConnected { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Quotes an identifier with libpq's rules (for `LISTEN` channel names, which cannot be bound).
    public func escapeIdentifier(_ name: String) throws -> String {
        let conn = try liveConnection()
        guard let escaped = PQescapeIdentifier(conn, name, name.utf8.count) else {
            throw PostgresError(.queryFailed, Self.errorText(conn, config))
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    private func liveConnection() throws -> OpaquePointer {
        guard let conn = handle?.conn else {
            throw PostgresError(.connectionLost, "connection is closed", context: config.displayName)
        }
        return conn
    }

    private func consume(_ result: OpaquePointer?, _ conn: OpaquePointer) throws -> PostgresRows {
        guard let result else {
            throw lostOrFailed(conn, message: Self.errorText(conn, config), sqlState: nil)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.copyRows(result)
        case PGRES_PIPELINE_ABORTED:
            throw PostgresError(.queryFailed, "an earlier statement of the pipeline failed", context: config.displayName)
        default:
            let sqlState = PQresultErrorField(result, gaffer_pg_diag_sqlstate()).map { String(cString: $0) }
            let primary = PQresultErrorField(result, gaffer_pg_diag_message_primary()).map { String(cString: $0) }
            let message = config.scrub(primary ?? Self.errorText(conn, config))
            throw lostOrFailed(conn, message: message, sqlState: sqlState)
        }
    }

    private func lostOrFailed(_ conn: OpaquePointer, message: String, sqlState: String?) -> PostgresError {
        let error = PostgresError(.queryFailed, message, sqlState: sqlState, context: config.displayName)
        // libpq keeps CONNECTION_OK after reading the server's "terminating connection" until it reads EOF.
        if PQstatus(conn) != CONNECTION_OK || error.isConnectionError {
            broken = true
            return PostgresError(.connectionLost, message, sqlState: sqlState, context: config.displayName)
        }
        let role = PQuser(conn).map { String(cString: $0) }
        return PostgresError(.queryFailed, message, sqlState: sqlState, context: config.displayName, role: role)
    }

    static func copyRows(_ result: OpaquePointer) -> PostgresRows {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let oids = (0..<columnCount).map { UInt32(PQftype(result, Int32($0))) }
        var values: [[String?]] = []
        values.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var row: [String?] = []
            row.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    row.append(nil)
                } else {
                    row.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            values.append(row)
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresRows(columns: columns, oids: oids, values: values, affectedRows: affected)
    }

    static func errorText(_ conn: OpaquePointer, _ config: ConnectionConfig) -> String {
        let raw = String(cString: PQerrorMessage(conn))
        let oneLine = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        return config.scrub(oneLine)
    }

    /// Owns the `PGconn`; finishing it when the last reference goes.
    final class Handle {
        let conn: OpaquePointer
        init(_ conn: OpaquePointer) { self.conn = conn }
        deinit { PQfinish(conn) }
    }
}

/// Calls `body` with a NULL-terminated array of C strings.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) { body($0) }
    }
}
