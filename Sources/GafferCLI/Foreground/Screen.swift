/// Where the full-screen monitor plugs into `start` and `demo`.
///
/// TODO(monitor): when `gaffer top`'s screen exists, set `isAvailable` and run it from
/// `WorkerLaunch.run` in place of the headless loop when `wantsScreen` is true.
enum Screen {
    static let isAvailable = false

    /// Whether to draw: stdout is a terminal and `--no-tui` was not given.
    static func wanted(noTUI: Bool) -> Bool {
        !noTUI && Terminal.stdoutIsTerminal
    }
}
