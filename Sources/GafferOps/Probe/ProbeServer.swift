import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP server on its own thread, for the health probe and `/metrics`.
///
/// One thread runs poll(2) over the listening socket, a wake-up pipe and every client, all
/// non-blocking: a slow, silent or garbage-sending client holds one descriptor until its deadline
/// and never delays another client, nor the worker (handlers read state without waiting on it). One
/// request per connection; beyond `maxClients` open connections the oldest is dropped. A handler may
/// answer later and from any thread (the metrics query) through its `Responder`.
public final class ProbeServer: Sendable {
    public typealias Handler = @Sendable (_ path: String, _ respond: Responder) -> Void

    /// Answers one request; later calls are ignored.
    public struct Responder: Sendable {
        let server: ProbeServer
        let serial: UInt64

        public func callAsFunction(_ response: HTTPResponse) { server.deliver(serial, response) }
    }

    /// The bound port (the one asked for, or the kernel's choice for 0).
    public let port: Int
    public let maxClients: Int
    /// Seconds a client gets to send its request, and to take the response.
    public let clientTimeout: Double
    /// Seconds a handler gets to answer before the client gets 503.
    public let handlerTimeout: Double
    private let listener: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let handler: Handler
    private let answers = Mutex<[(UInt64, HTTPResponse)]>([])
    private let stopRequested = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Binds `host:port` and starts serving. Throws `ProbeServerError` naming the port when it cannot bind.
    public init(host: String = "0.0.0.0", port: Int, maxClients: Int = 512, clientTimeout: Double = 5,
                handlerTimeout: Double = 10, handler: @escaping Handler) throws {
        self.maxClients = maxClients
        self.clientTimeout = clientTimeout
        self.handlerTimeout = handlerTimeout
        self.handler = handler
        let (listener, bound) = try Self.listen(host: host, port: port)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0, Self.makeNonBlocking(pipeEnds[0]), Self.makeNonBlocking(pipeEnds[1]) else {
            close(listener)
            throw ProbeServerError(port: port, reason: String(cString: strerror(errno)))
        }
        self.listener = listener
        self.port = bound
        self.wakeRead = pipeEnds[0]
        self.wakeWrite = pipeEnds[1]
        let thread = Thread { [self] in self.serve() }
        thread.name = "gaffer-probe"
        thread.start()
    }

    /// Stops serving, closes every connection and the port, and returns once the thread has ended.
    public func stop() {
        guard !stopRequested.exchange(true, ordering: .sequentiallyConsistent) else { return }
        wake()
        finished.wait()
    }

    // MARK: The loop (server thread only)

    private struct Client {
        let fd: Int32
        let serial: UInt64
        var received: [UInt8] = []
        var output: [UInt8] = []
        var written = 0
        var waitingForHandler = false
        var deadline: ContinuousClock.Instant
    }

    private func serve() {
        var clients: [UInt64: Client] = [:]
        var nextSerial: UInt64 = 0
        let clock = ContinuousClock()
        while !stopRequested.load(ordering: .sequentiallyConsistent) {
            let ordered = clients.values.sorted { $0.serial < $1.serial }
            var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            for client in ordered {
                let events = client.waitingForHandler ? 0 : (client.output.isEmpty ? Int16(POLLIN) : Int16(POLLOUT))
                fds.append(pollfd(fd: client.fd, events: events, revents: 0))
            }
            let now = clock.now
            let nearest = ordered.map(\.deadline).min().map { max(.zero, $0 - now) } ?? .seconds(1)
            let timeout = Int32(min(1000, nearest.components.seconds * 1000 + nearest.components.attoseconds / 1_000_000_000_000_000 + 1))
            let count = poll(&fds, nfds_t(fds.count), timeout)
            if count < 0 && errno != EINTR { break }

            if fds[1].revents != 0 { drainWake() }
            for (serial, response) in answers.withLock({ let taken = $0; $0 = []; return taken }) {
                guard var client = clients[serial], client.waitingForHandler else { continue }
                client.waitingForHandler = false
                client.output = response.encoded
                client.deadline = clock.now + .milliseconds(Int(clientTimeout * 1000))
                clients[serial] = client
            }
            for (index, entry) in ordered.enumerated() where fds[index + 2].revents != 0 {
                guard var client = clients[entry.serial] else { continue }
                let revents = fds[index + 2].revents
                let open = client.output.isEmpty ? receive(&client) : send(&client)
                if !open || (revents & Int16(POLLERR | POLLNVAL)) != 0 {
                    close(client.fd)
                    clients[entry.serial] = nil
                } else {
                    clients[entry.serial] = client
                }
            }
            if fds[0].revents != 0 {
                while true {
                    let fd = accept(listener, nil, nil)
                    guard fd >= 0 else { break }
                    guard Self.makeNonBlocking(fd) else {
                        close(fd)
                        continue
                    }
                    if clients.count >= maxClients, let oldest = clients.keys.min() {
                        close(clients[oldest]!.fd)
                        clients[oldest] = nil
                    }
                    nextSerial += 1
                    clients[nextSerial] = Client(fd: fd, serial: nextSerial,
                                                 deadline: clock.now + .milliseconds(Int(clientTimeout * 1000)))
                }
            }
            let late = clock.now
            for (serial, var client) in clients where client.deadline <= late {
                if client.waitingForHandler {
                    // The handler is late: answer for it, and ignore its answer when it comes.
                    client.waitingForHandler = false
                    client.output = HTTPResponse(status: 503, body: "Timed out").encoded
                    client.deadline = late + .milliseconds(Int(clientTimeout * 1000))
                    clients[serial] = client
                } else {
                    close(client.fd)
                    clients[serial] = nil
                }
            }
        }
        for client in clients.values { close(client.fd) }
        close(listener)
        close(wakeRead)
        close(wakeWrite)
        finished.signal()
    }

    /// Reads what has arrived; hands a complete request to the handler. False when the connection is done.
    private func receive(_ client: inout Client) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(client.fd, &buffer, buffer.count, 0)
            if count > 0 {
                client.received += buffer[..<count]
                if client.received.count > HTTPRequestHead.limit { break }
                continue
            }
            if count == 0 { return false }  // the peer closed before a complete request
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            return false
        }
        switch HTTPRequestHead.parse(client.received) {
        case .incomplete:
            return true
        case .invalid:
            client.output = HTTPResponse(status: 400, body: "Bad request").encoded
            return send(&client)
        case .request(let head):
            client.received = []
            client.waitingForHandler = true
            client.deadline = ContinuousClock.now + .milliseconds(Int(handlerTimeout * 1000))
            handler(head.path, Responder(server: self, serial: client.serial))
            return true
        }
    }

    /// Writes what the socket takes. False once the whole response is written, or the peer is gone.
    private func send(_ client: inout Client) -> Bool {
        while client.written < client.output.count {
            let count = client.output.withUnsafeBytes { bytes in
                Glibc.send(client.fd, bytes.baseAddress! + client.written, bytes.count - client.written, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                client.written += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
            }
        }
        shutdown(client.fd, Int32(SHUT_WR))
        return false
    }

    // MARK: Wake-ups (any thread)

    private func deliver(_ serial: UInt64, _ response: HTTPResponse) {
        answers.withLock { $0.append((serial, response)) }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func drainWake() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    // MARK: Binding

    /// Sets O_NONBLOCK and FD_CLOEXEC (glibc's accept4 and pipe2 are not visible to Swift).
    private static func makeNonBlocking(_ fd: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL)
        return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0
    }

    private static func listen(host: String, port: Int) throws -> (Int32, Int) {
        guard (0...65535).contains(port) else {
            throw ProbeServerError(port: port, reason: "not a port number; use 1 to 65535")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ProbeServerError(port: port, reason: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw ProbeServerError(port: port, reason: "\(host) is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, SOMAXCONN) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ProbeServerError(port: port, reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}
