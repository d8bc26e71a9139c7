import Foundation
import GafferTestSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Holds `connections` hostile connections open to a port from its own thread until stopped: a
/// quarter silent, a quarter sending random bytes, a quarter trickling a request head that never
/// ends, a quarter sending an oversized head, every 50 ms. A connection the server closes is opened again.
final class GarbageFlood: Sendable {
    let port: Int
    let connections: Int
    private let stopRequested = Atomic<Bool>(false)
    private let reopened = Atomic<Int>(0)
    private let done = DispatchSemaphore(value: 0)

    init(port: Int, connections: Int = 200) throws {
        self.port = port
        self.connections = connections
        let fds = try (0..<connections).map { _ in try ProbeClient.connect(port: port) }
        let thread = Thread { [self] in self.run(fds) }
        thread.start()
    }

    /// Connections the server closed and the flood opened again.
    var reopenedCount: Int { reopened.load(ordering: .relaxed) }

    func stop() {
        stopRequested.store(true, ordering: .relaxed)
        done.wait()
    }

    private func run(_ initial: [Int32]) {
        var fds = initial
        var generator = SystemRandomNumberGenerator()
        while !stopRequested.load(ordering: .relaxed) {
            for index in fds.indices {
                let bytes: [UInt8]
                switch index % 4 {
                case 0: continue
                case 1: bytes = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
                case 2: bytes = Array((index % 8 == 2 ? "GET /status HTTP/1.1\r\nX" : "a").utf8)
                default: bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 1024)
                }
                let sent = bytes.withUnsafeBytes { send(fds[index], $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                if sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK {
                    close(fds[index])
                    if let fd = try? ProbeClient.connect(port: port) {
                        fds[index] = fd
                        reopened.add(1, ordering: .relaxed)
                    }
                }
            }
            usleep(50_000)
        }
        for fd in fds { close(fd) }
        done.signal()
    }
}
