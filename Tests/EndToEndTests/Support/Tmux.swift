import Foundation
import GafferTestSupport

/// A private tmux server (its own socket) driving the built `gaffer` binary in a detached session.
struct Tmux {
    let socket = "gaffer-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let session = "top"

    static var available: Bool { which("tmux") != nil }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tmux -L socket args…` to completion, off the cooperative pool, and returns its output.
    @discardableResult
    func run(_ args: [String]) async throws -> String {
        let argv = [Self.which("tmux") ?? "tmux", "-u", "-L", socket] + args
        return try await Blocking.run { try Spawn.run(argv) }
    }

    /// Starts `command` in a detached session of the given size; the shell line reports the exit code.
    func start(_ command: String, width: Int, height: Int) async throws {
        try await run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                       "\(command); echo EXIT=$?; sleep 120"])
    }

    /// The prompt of the shell `startShell` runs, as a capture shows it (trailing space trimmed).
    static let prompt = "e2e$"

    /// Starts an interactive `sh` in a detached session of the given size, as a user's terminal.
    func startShell(width: Int, height: Int) async throws {
        try await run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                       "PS1='\(Self.prompt) ' exec sh"])
    }

    /// Types `line` at the shell and ends it with Ctrl-J (a newline even on a terminal left raw).
    func type(_ line: String) async throws {
        try await run(["send-keys", "-t", session, "-l", line])
        try await run(["send-keys", "-t", session, "C-j"])
    }

    /// The pane's title, which an OSC 0 or 2 sequence written to the terminal would change.
    func paneTitle() async throws -> String {
        try await run(["display-message", "-p", "-t", session, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func capture() async throws -> String { try await run(["capture-pane", "-p", "-t", session]) }
    /// The pane with its attributes and colours as SGR escape sequences (`capture-pane -e`).
    func captureWithEscapes() async throws -> String { try await run(["capture-pane", "-p", "-e", "-t", session]) }
    func keys(_ keys: String...) async throws { try await run(["send-keys", "-t", session] + keys) }
    func resize(_ width: Int, _ height: Int) async throws {
        try await run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane shows the alternate screen (curses mode).
    func alternateScreen() async throws -> Bool {
        try await run(["display-message", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("1")
    }

    /// Polls the screen (with SGR sequences if `escapes`) until `condition` holds; returns the last capture.
    ///
    /// As `TestWait.until`: `seconds` is stretched by `TestRun.patience`, and the screen is captured
    /// once more after the deadline, so a poll scheduled late never fails on an old capture.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 20, escapes: Bool = false, _ condition: (String) -> Bool)
        async throws -> String
    {
        let deadline = ContinuousClock.now + .seconds(TestRun.patient(seconds))
        var screen = ""
        while true {
            let late = ContinuousClock.now >= deadline
            screen = try await escapes ? captureWithEscapes() : capture()
            if condition(screen) { return screen }
            if late { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let timeout = TmuxTimeout(what: what, screen: screen)
        try? timeout.description.write(toFile: NSTemporaryDirectory() + "gaffer-e2e-last-timeout.txt", atomically: true,
                                       encoding: .utf8)
        throw timeout
    }

    @discardableResult
    func waitFor(text: String, seconds: Double = 20) async throws -> String {
        try await waitFor(text, seconds: seconds) { $0.contains(text) }
    }

    /// Stops the tmux server; synchronous, for a `defer`.
    func kill() { _ = try? Spawn.run([Self.which("tmux") ?? "tmux", "-u", "-L", socket, "kill-server"]) }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let what: String
    let screen: String
    var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
}

/// `posix_spawn` with output to a file: tmux's server daemon inherits nothing of ours, so nothing
/// keeps a pipe open (Foundation's Process can hang on that).
///
/// The child starts with no signal blocked and default handlers: the test process blocks signals on
/// its threads, and a tmux server inheriting that mask ignores its own `kill-server` (a SIGTERM to
/// itself) and outlives the test, as would the programs in its panes.
enum Spawn {
    static func run(_ argv: [String]) throws -> String {
        let log = NSTemporaryDirectory() + "gaffer-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH, SIGUSR1, SIGUSR2] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        guard status == 0 else { throw SpawnError(command: argv.joined(separator: " "), status: status) }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard exit == 0 else { throw SpawnError(command: argv.joined(separator: " ") + ": " + output, status: exit) }
        return output
    }
}

struct SpawnError: Error {
    let command: String
    let status: Int32
}
