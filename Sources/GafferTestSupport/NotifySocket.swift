import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A unix datagram socket bound where `NOTIFY_SOCKET` will point, standing in for systemd's end:
/// it receives the sd_notify messages a process sends.
public final class NotifySocket: @unchecked Sendable {
    public let path: String
    private let fd: Int32

    public init() throws {
        path = "/tmp/gaffer-notify-\(UInt32.random(in: 0...UInt32.max)).sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0 else { throw ProbeClient.Failure(description: "bind \(path): \(String(cString: strerror(errno)))") }
        chmod(path, 0o777)
    }

    /// The next message, or nil when none arrives within `timeout` seconds.
    public func receive(timeout: Double) -> String? {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// Receives until a message contains `line` (as a whole line); returns every message read meanwhile.
    public func receive(until line: String, timeout: Double) -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        var messages: [String] = []
        while Date() < deadline {
            guard let message = receive(timeout: max(0.01, deadline.timeIntervalSinceNow)) else { break }
            messages.append(message)
            if message.split(separator: "\n").contains(Substring(line)) { return messages }
        }
        return nil
    }

    /// `receive(until:timeout:)` on a thread of its own, off the cooperative pool; `timeout` stretched on CI.
    public func wait(for line: String, timeout: Double) async -> [String]? {
        let allowed = TestRun.patient(timeout)
        return (try? await Blocking.run { self.receive(until: line, timeout: allowed) }) ?? nil
    }

    deinit {
        close(fd)
        unlink(path)
    }
}
