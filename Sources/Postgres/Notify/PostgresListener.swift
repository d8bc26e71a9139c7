import CLibPQ
import CSupport
import Foundation
import GafferConcurrency
import Synchronization

/// A dedicated LISTEN connection on its own thread, delivering notifications as an async sequence.
///
/// The thread sleeps in `poll()` on the socket and an eventfd (for `stop()`), so a notification
/// reaches `events` about a millisecond after the sender commits. When the connection breaks it
/// reports `.disconnected`, waits with exponential backoff (capped), reconnects, re-LISTENs and
/// reports `.connected`. Notifications sent while disconnected are lost: treat them as hints.
public final class PostgresListener: Sendable {
    public let events: AsyncStream<ListenerEvent>
    private let continuation: AsyncStream<ListenerEvent>.Continuation
    private let config: ConnectionConfig
    private let channels: [String]
    private let applicationName: String
    private let wakeFD: Int32
    private let stopping = Atomic<Bool>(false)
    private let backendPIDValue = Atomic<Int32>(0)
    private let backoff: ClosedRange<Double>
    private let keepaliveSeconds: Double

    /// Creates a listener; call `start()` to connect.
    /// - Parameters:
    ///   - backoff: first and longest wait between reconnection attempts, in seconds.
    ///   - keepaliveSeconds: idle time after which `SELECT 1` checks the connection is alive.
    public init(config: ConnectionConfig, channels: [String], applicationName: String = "gaffer-notifier",
                backoff: ClosedRange<Double> = 0.1...5, keepaliveSeconds: Double = 10) {
        (events, continuation) = AsyncStream.makeStream(of: ListenerEvent.self, bufferingPolicy: .bufferingNewest(1024))
        self.config = config
        self.channels = channels
        self.applicationName = applicationName
        self.backoff = backoff
        self.keepaliveSeconds = keepaliveSeconds
        self.wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
    }

    deinit { close(wakeFD) }

    /// Server process id of the current session, 0 while disconnected.
    public var backendPID: Int32 { backendPIDValue.load(ordering: .relaxed) }

    public func start() {
        let thread = Thread { [self] in
            gaffer_set_thread_name("pg-listen")
            run()
        }
        thread.start()
    }

    /// Stops the thread; `events` finishes.
    public func stop() {
        stopping.store(true, ordering: .releasing)
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    private var isStopping: Bool { stopping.load(ordering: .acquiring) }

    private func run() {
        var delay = backoff.lowerBound
        while !isStopping {
            switch session() {
            case .stopped:
                break
            case .failed(let error, let wasConnected):
                continuation.yield(.disconnected(error))
                if wasConnected { delay = backoff.lowerBound }
                sleepInterruptibly(seconds: delay)
                delay = min(delay * 2, backoff.upperBound)
            }
        }
        continuation.finish()
    }

    private enum SessionEnd { case stopped, failed(PostgresError, wasConnected: Bool) }

    /// One connection's life: connect, LISTEN, then deliver until it breaks or we stop.
    private func session() -> SessionEnd {
        guard let conn = PostgresConnection.openConnection(config, applicationName: applicationName) else {
            return .failed(PostgresError(.connectionFailed, "out of memory", context: config.displayName), wasConnected: false)
        }
        defer {
            backendPIDValue.store(0, ordering: .relaxed)
            PQfinish(conn)
        }
        PostgresConnection.silenceNotices(conn)
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = PostgresConnection.errorText(conn, config)
            return .failed(PostgresError(.connectionFailed, message, context: config.displayName), wasConnected: false)
        }
        for channel in channels {
            guard let quoted = PQescapeIdentifier(conn, channel, channel.utf8.count) else {
                return .failed(lost(conn), wasConnected: false)
            }
            let sql = "LISTEN " + String(cString: quoted)
            PQfreemem(quoted)
            guard runSimple(conn, sql) else { return .failed(lost(conn), wasConnected: false) }
        }
        backendPIDValue.store(PQbackendPID(conn), ordering: .relaxed)
        continuation.yield(.connected)
        let keepaliveMillis = Int32(keepaliveSeconds * 1000)
        while !isStopping {
            var fds = [pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, keepaliveMillis)
            if isStopping { break }
            if ready == 0 {
                // Idle: prove the connection is alive, so a silent network cut is noticed.
                guard runSimple(conn, "SELECT 1") else { return .failed(lost(conn), wasConnected: true) }
            }
            guard PQconsumeInput(conn) == 1 else { return .failed(lost(conn), wasConnected: true) }
            while let notify = PQnotifies(conn) {
                let note = PostgresNotification(channel: String(cString: notify.pointee.relname),
                                                payload: String(cString: notify.pointee.extra),
                                                senderPID: notify.pointee.be_pid)
                PQfreemem(notify)
                continuation.yield(.notification(note))
            }
            if PQstatus(conn) != CONNECTION_OK { return .failed(lost(conn), wasConnected: true) }
        }
        _ = runSimple(conn, "UNLISTEN *")
        return .stopped
    }

    private func runSimple(_ conn: OpaquePointer, _ sql: String) -> Bool {
        guard let result = PQexec(conn, sql) else { return false }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
    }

    private func lost(_ conn: OpaquePointer) -> PostgresError {
        PostgresError(.connectionLost, PostgresConnection.errorText(conn, config), context: config.displayName)
    }

    private func sleepInterruptibly(seconds: Double) {
        var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 1, Int32(seconds * 1000))
    }
}
