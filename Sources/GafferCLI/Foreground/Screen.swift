import CursesBackend
import Foundation
import GafferEngine
import GafferMonitor
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
    /// arrives, or `duration` passes (then it leaves as if SIGTERM had arrived: drain).
    static func run(worker: Worker, config: ConnectionConfig, cron: [CronEntry], duration: Double?,
                    look: ThemeChoice.Look) async throws -> QuitChoice
    {
        let monitor = try await CoHostedMonitor.open(worker: worker, config: config, cron: cron,
                                                     openScreen: MonitorSession.terminal(look))
        // The session leaves on SIGTERM by draining; a duration ends it the same way.
        let timer = duration.map { seconds in
            Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                if !Task.isCancelled { kill(getpid(), SIGTERM) }
            }
        }
        defer { timer?.cancel() }
        let mode = try await monitor.run()
        switch mode {
        case .detach: return .detach
        case .stopNow: return .stopNow
        case .drain, .exit: return .drain
        }
    }

    /// What the user chose on leaving the screen.
    enum QuitChoice {
        /// The worker goes on in the foreground with log lines on stderr.
        case detach
        /// Stop claiming, let running jobs finish within the shutdown timeout, exit.
        case drain
        /// Cancel running jobs and exit.
        case stopNow
    }
}
