import CNCurses
import Glibc
import TerminalKit

/// The terminal, driven through ncursesw: draws cell-buffer diffs, reads keys, follows resizes.
///
/// Not thread-safe (ncurses is not): create, use and end it on one thread. `end()` restores the
/// terminal and is safe to call more than once; `deinit` calls it too.
public final class CursesScreen: ScreenDevice {
    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs: ColorPairs
    private let theme: Theme
    private let terminal: OpaquePointer
    private var shown: CellBuffer?
    private var ended = false

    /// Enters curses mode. Call after `TerminalSignals()` so SIGINT/SIGTERM are already ignored.
    /// With `mouse`, the terminal reports clicks and wheel turns (where it can); the user then selects
    /// text with Shift held, as in other mouse-aware terminal programs.
    ///
    /// Sets the locale from the environment, falling back to C.UTF-8 when it is not UTF-8 (tmux,
    /// cron and CI shells often have no `LANG`), so box lines and wide characters survive.
    public init(theme: Theme, colors: Bool = true, mouse: Bool = false) throws(CursesError) {
        // newterm, not initscr: initscr exits the process when TERM is unusable.
        if let problem = CursesError.terminalProblem() { throw problem }
        Self.useUTF8Locale()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let terminal = newterm(nil, output, input), let window = gaffer_stdscr() else {
            throw CursesError(.noTerminal)
        }
        self.terminal = terminal
        self.window = window
        self.theme = theme
        Self.configureInput(window)
        if mouse { _ = gaffer_mouse_on(1) }
        curs_set(0)
        pairs = ColorPairs(enabled: colors)
    }

    /// A screen on no terminal (output to /dev/null) of a fixed size, for tests that read ncurses' own
    /// virtual screen back.
    convenience init(headlessWidth width: Int, height: Int, theme: Theme) throws(CursesError) {
        try self.init(headlessWidth: width, height: height, theme: theme, input: "/dev/null", output: "/dev/null")
    }

    /// A fixed-size xterm with no terminal: keys from the file at `input` (e.g. a pipe as /dev/fd/N), bytes to `output`.
    public init(headlessWidth width: Int, height: Int, theme: Theme, input: String, output: String, mouse: Bool = false)
        throws(CursesError)
    {
        Self.useUTF8Locale()
        guard let outputFile = fopen(output, "w"), let inputFile = fopen(input, "r"),
              let terminal = newterm("xterm-256color", outputFile, inputFile), let window = gaffer_stdscr() else {
            throw CursesError(.noTerminal)
        }
        resizeterm(Int32(height), Int32(width))
        flushinp()  // drops the KEY_RESIZE resizeterm queued: the first key read is the first one written
        self.terminal = terminal
        self.window = window
        self.theme = theme
        Self.configureInput(window)
        if mouse { _ = gaffer_mouse_on(1) }
        pairs = ColorPairs(enabled: true)
    }

    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if gaffer_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    /// Keys one at a time, unechoed, function keys decoded, a lone Esc after 25 ms.
    private static func configureInput(_ window: UnsafeMutablePointer<WINDOW>) {
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
    }

    /// The text ncurses holds for one row (tests only).
    func rowText(_ y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: Int(getmaxx(window)) + 1)
        let count = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(buffer.count - 1))
        guard count > 0 else { return "" }
        return String(String.UnicodeScalarView(buffer.prefix(Int(count)).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }

    deinit { end() }

    /// The terminal's current size.
    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// How many colours the terminal offers (0 when colour is off).
    public var colorCount: Int { pairs.colors }

    /// Writes the cells that differ from the last frame and updates the terminal; returns the runs written.
    @discardableResult
    public func present(_ buffer: CellBuffer) -> Int {
        let previous = shown ?? CellBuffer(width: 0, height: 0)
        let runs = CellBuffer.diff(from: previous, to: buffer)
        shown = buffer
        guard !runs.isEmpty else { return 0 }
        for run in runs {
            let resolved = theme.resolve(run.style)
            let (pair, attributes) = pairs.pair(for: resolved)
            wattr_set(window, ColorPairs.attributes(attributes), pair, nil)
            let wide = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            // The bottom-right cell returns ERR (the cursor cannot advance); the cell is drawn anyway.
            _ = mvwaddnwstr(window, Int32(run.y), Int32(run.x), wide, Int32(wide.count))
        }
        wattr_set(window, gaffer_a_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
        return runs.count
    }

    /// Forgets what is on screen: the next `present` repaints every cell (after `^L` or a resize).
    public func invalidate() {
        shown = nil
        clearok(window, true)
    }

    /// Waits up to `milliseconds` for a key; nil on timeout. A resize comes back as `.resize`
    /// (ncurses has already resized its screen) and invalidates the frame.
    public func readKey(timeout milliseconds: Int) -> Key? {
        wtimeout(window, Int32(milliseconds))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status != ERR else { return nil }
        if status == KEY_CODE_YES, Int32(bitPattern: code) == KEY_MOUSE {
            var x: Int32 = 0
            var y: Int32 = 0
            return KeyDecoder.mouse(kind: gaffer_read_mouse(&x, &y), x: x, y: y)
        }
        let key = KeyDecoder.key(status: status, code: UInt32(code))
        if key == .resize { invalidate() }
        return key
    }

    /// Sends bytes straight to the terminal (an OSC 52 clipboard sequence), after the frame.
    public func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Leaves curses mode and restores the terminal.
    ///
    /// The screen is blanked first: a terminal that resized its alternate screen while curses was
    /// on (tmux after the window grew) can carry the alternate screen's rows into the shell's
    /// screen on leaving, so the last frame must not be in them.
    public func end() {
        guard !ended else { return }
        ended = true
        _ = gaffer_mouse_on(0)
        werase(window)
        wnoutrefresh(window)
        doupdate()
        endwin()
        delscreen(terminal)
    }
}
