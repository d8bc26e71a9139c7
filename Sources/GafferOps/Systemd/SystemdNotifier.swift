import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends sd_notify(3) messages (`READY=1`, `STOPPING=1`, `WATCHDOG=1`) to the datagram socket
/// systemd names in `NOTIFY_SOCKET`; a leading `@` names an abstract socket.
public struct SystemdNotifier: Sendable {
    public let socketPath: String

    /// Nil when the process was not started by systemd with `Type=notify` (no `NOTIFY_SOCKET`).
    public init?(environment: [String: String]) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty else { return nil }
        socketPath = path
    }

    /// Seconds between watchdog pings (half of `WATCHDOG_USEC`), when systemd asks this process for them.
    public static func watchdogInterval(environment: [String: String]) -> Double? {
        guard let text = environment["WATCHDOG_USEC"], let usec = Double(text), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], !pid.isEmpty, Int32(pid) != getpid() { return nil }
        return usec / 2_000_000
    }

    /// Sends one message; false when the socket could not take it (systemd gone: nothing to do about it).
    @discardableResult
    public func send(_ message: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count + (path.first == 0 ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), pointer, length) }
            }
        }
        return sent == bytes.count
    }
}
