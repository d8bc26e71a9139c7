import Foundation
import GafferOps
import GafferTestSupport
import Testing

@Suite("sd_notify")
struct SystemdNotifierTests {
    @Test func messagesArriveOnTheNotifySocket() throws {
        let socket = try NotifySocket()
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.path]))
        #expect(notifier.send("READY=1\nSTATUS=running"))
        #expect(socket.receive(timeout: 5) == "READY=1\nSTATUS=running")
        #expect(notifier.send("WATCHDOG=1"))
        #expect(socket.receive(timeout: 5) == "WATCHDOG=1")
    }

    @Test func noSocketNoNotifierAndTheWatchdogIntervalIsHalfItsTimeout() {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000"]) == 15)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: [:]) == nil)
        #expect(SystemdNotifier.watchdogInterval(environment: ["WATCHDOG_USEC": "soon"]) == nil)
    }

    @Test func aGoneSocketIsNotAnError() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/tmp/gaffer-no-such-notify.sock"])
        #expect(notifier?.send("READY=1") == false)
    }
}
