import CursesBackend
import GafferEngine
import GafferMonitor
import GafferMonitorModel
import GafferUI
import Postgres

/// The screen over a co-hosted worker, wired as `gaffer start` wires it: local source, poller, actions, session.
public final class CoHostedMonitor: Sendable {
    /// The poller the screen reads; a benchmark reads its refresh times.
    public let poller: MonitorPoller
    let local: WorkerLocalSource
    let db: PostgresConnection
    /// The streaming standby the screen reads from, when one was given; actions still go to `db`.
    let replica: PostgresConnection?
    let session: MonitorSession

    private init(poller: MonitorPoller, local: WorkerLocalSource, db: PostgresConnection, replica: PostgresConnection?,
                 session: MonitorSession) {
        self.poller = poller
        self.local = local
        self.db = db
        self.replica = replica
        self.session = session
    }

    /// Connects the monitor to `config` beside `worker`; `openScreen` opens the terminal (or a headless one),
    /// `log` (when given) feeds the log view with the worker's last lines.
    /// `runner` enqueues the app's cron entries now (`E` in the Cron pane), whether or not this worker runs cron.
    /// With `replica` (a streaming standby of `config`), every read goes there and the header shows its lag; every
    /// action still goes to `config`.
    public static func open(worker: Worker, config: ConnectionConfig, replica: ConnectionConfig? = nil,
                            cron: [CronEntry], runner: CronRunner = .none,
                            log: ScreenLogSink? = nil, settings: ScreenSettings = ScreenSettings(), interval: Double = 1,
                            openScreen: @escaping @Sendable () throws -> any ScreenDevice) async throws -> CoHostedMonitor {
        var readLog: (@Sendable () -> LogRing)?
        if let log { readLog = { log.recent() } }
        let local = await WorkerLocalSource.start(worker, config: config, cron: cron, log: readLog)
        let db: PostgresConnection
        do { db = try await PostgresConnection.connect(config, applicationName: "gaffer-top") } catch {
            local.stop()
            throw error
        }
        var reads: PostgresConnection?
        if let replica {
            do { reads = try await PostgresConnection.connect(replica, applicationName: "gaffer-top") } catch {
                local.stop()
                await db.close()
                throw error
            }
        }
        let poller = MonitorPoller(connection: reads ?? db, primary: reads == nil ? nil : db, local: local, interval: interval)
        let actions = MonitorActions(connection: db, local: local, cron: runner)
        let session = MonitorSession(poller: poller, actions: actions, local: local, readOnly: false,
                                     settings: settings, openScreen: openScreen)
        return CoHostedMonitor(poller: poller, local: local, db: db, replica: reads, session: session)
    }

    /// Runs the screen until the user leaves, a signal arrives, or `duration` seconds pass (then it
    /// leaves by draining, through the same effect as the quit menu); returns how it left.
    public func run(for duration: Double? = nil) async throws -> QuitMode {
        defer { local.stop() }
        let timer = duration.map { seconds in
            Task { [session] in
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                if !Task.isCancelled { session.quit(.drain) }
            }
        }
        defer { timer?.cancel() }
        let mode: QuitMode
        do {
            mode = try await session.run()
        } catch {
            await db.close()
            await replica?.close()
            throw error
        }
        await db.close()
        await replica?.close()
        return mode
    }
}
