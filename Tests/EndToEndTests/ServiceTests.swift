import Foundation
import GafferTestSupport
import Testing

/// `gaffer start` under a service manager: the probe port and systemd's notify socket.
@Suite("gaffer start as a service")
struct ServiceTests {
    @Test func probeAndSystemdNotificationsAcrossARun() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let port = try ProbeClient.freePort()
        let socket = try NotifySocket()
        let env = setup.env.merging(["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"]) { _, new in new }
        let worker = try Binary.start(["start", "--no-tui", "--poll-interval", "1", "--probe-port", String(port)], env: env,
                                      binary: "gaffer-example")

        let ready = await socket.wait(for: "READY=1", timeout: 60)
        #expect(ready != nil, "no READY=1 on the notify socket")
        #expect(try ProbeClient.get(port: port, "/status") == .init(status: 200, body: "OK"))
        #expect(try ProbeClient.get(port: port, "/status/started") == .init(status: 200, body: "Started"))
        try await TestWait.until("the notifier connected", timeout: 30) {
            try ProbeClient.get(port: port, "/status/connected").status == 200
        }
        // Pings at half of WATCHDOG_USEC while it runs.
        #expect(await socket.wait(for: "WATCHDOG=1", timeout: 10) != nil)
        #expect(await socket.wait(for: "WATCHDOG=1", timeout: 10) != nil)

        worker.signal(SIGTERM)
        #expect(await socket.wait(for: "STOPPING=1", timeout: 30) != nil, "no STOPPING=1 on the notify socket")
        let stopped = try await worker.wait(timeout: 60)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("probe: listening on port \(port)"))
        #expect(throws: ProbeClient.Failure.self) { try ProbeClient.get(port: port, "/status") }
    }

    @Test func aTakenProbePortIsOneLineAndExitOne() async throws {
        let setup = try await CommandTests.migrated()
        defer { setup.home.remove() }
        let port = try ProbeClient.freePort()
        let holder = try Binary.start(["start", "--no-tui", "--probe-port", String(port), "--poll-interval", "1"], env: setup.env,
                                      binary: "gaffer-example")
        try await TestWait.until("the first probe port", timeout: 60) { (try? ProbeClient.get(port: port, "/status"))?.status == 200 }
        let second = try await Binary.run(["start", "--no-tui", "--probe-port", String(port)], env: setup.env, binary: "gaffer-example",
                                          timeout: 60)
        #expect(second.status == 1)
        #expect(second.stderrLines.last == "myapp-jobs: probe port \(port): Address already in use; choose a free port with --probe-port or GOOD_JOB_PROBE_PORT",
                "\(second.stderr)")
        let bad = try await Binary.run(["start", "--no-tui", "--probe-port", "70000"], env: setup.env, binary: "gaffer-example",
                                       timeout: 60)
        #expect(bad.status == 2 && bad.stderr.contains("--probe-port") && bad.stderr.contains("0…65535"), "\(bad.stderr)")
        holder.signal(SIGTERM)
        #expect(try await holder.wait(timeout: 60).status == 0)
    }
}

extension ServiceTests {
    @Test func startOnTheEmbeddedDatabaseWarnsAndNamesAMisspeltVariable() async throws {
        let home = ScratchHome()
        defer { home.remove() }
        let result = try await Binary.run(["start", "--no-tui"], env: Binary.environment(home: home.path, ["DATABSE_URL": "postgres://db/app"]),
                                          binary: "gaffer-example", timeout: 120)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("myapp-jobs: DATABSE_URL is set but not read: did you mean DATABASE_URL?"), "\(result.stderr)")
        #expect(result.stderr.contains("myapp-jobs: WARNING: this worker runs on"), "\(result.stderr)")
        #expect(!result.stderr.contains("postgres://db/app"))
    }
}
