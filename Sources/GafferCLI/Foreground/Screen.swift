import CursesBackend
import GafferEngine
import GafferMonitor
import GafferRuntime
import GafferUI
import Postgres

/// The full-screen monitor over a co-hosted worker (`start` and `demo` on a terminal).
enum Screen {
    /// Whether to draw: both ends are terminals, no `--no-tui`, and TERM can carry it (else says why on stderr).
    static func wanted(noTUI: Bool) -> Bool {
        guard !noTUI && Terminal.stdoutIsTerminal && Terminal.stdinIsTerminal else { return false }
        if let problem = CursesError.terminalProblem() {
            fallingBack(problem)
            return false
        }
        return true
    }

    /// Says that the screen cannot run and the worker goes on with log lines.
    static func fallingBack(_ problem: CursesError) {
        Terminal.note("\(problem); the worker logs lines on stderr instead")
    }

    /// Runs `gaffer top`'s screen with `worker` as its local worker until the user quits, a signal
    /// arrives (drain), or `duration` passes (drain, as if chosen from the quit menu).
    /// `logger` is the worker's: the log view shows its last lines.
    /// `runner` enqueues the app's cron entries now (`E` in the Cron pane). With `replica`, the screen reads from that
    /// standby and acts on `config`.
    static func run(worker: Worker, config: ConnectionConfig, replica: ConnectionConfig?, cron: [CronEntry],
                    runner: CronRunner, duration: Double?,
                    look: ThemeChoice.Look, mouse: Bool, settings: ScreenSettings, interval: Double,
                    logger: ScreenLogSink) async throws -> QuitMode
    {
        let monitor = try await CoHostedMonitor.open(worker: worker, config: config, replica: replica, cron: cron, runner: runner, log: logger,
                                                     settings: settings, interval: interval,
                                                     openScreen: MonitorSession.terminal(look, mouse: mouse))
        return try await monitor.run(for: duration)
    }
}
