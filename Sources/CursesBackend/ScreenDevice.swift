import TerminalKit

/// What the monitor's UI loop draws on and reads keys from: the terminal through curses, or a
/// headless screen a benchmark or test drives. Used from one thread only.
public protocol ScreenDevice: AnyObject {
    /// The terminal's current size.
    var size: Size { get }
    /// Writes the cells that differ from the last frame; returns the runs written.
    @discardableResult func present(_ buffer: CellBuffer) -> Int
    /// Forgets what is on screen: the next `present` repaints every cell.
    func invalidate()
    /// Waits up to `milliseconds` for a key; nil on timeout.
    func readKey(timeout milliseconds: Int) -> Key?
    /// Sends bytes straight to the terminal, after the frame.
    func writeRaw(_ text: String)
    /// Leaves the screen and restores the terminal; safe to call more than once.
    func end()
}
