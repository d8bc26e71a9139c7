import CursesBackend
import Foundation
import TerminalKit

/// A headless curses screen that reads keys from a pipe and times them into `KeyTimings`.
///
/// Wraps the real `CursesScreen` (ncurses decodes the key bytes and writes an xterm's escape
/// sequences to `outputPath`), so the UI loop runs exactly as on a terminal.
final class ProbeScreen: ScreenDevice {
    private let screen: CursesScreen
    private let timings: KeyTimings
    private let outputPath: String
    private var written = 0
    /// The UI thread's CPU time when it read the key the next frame answers.
    private var cpuAtRead: Double?

    init(width: Int, height: Int, inputFD: Int32, outputPath: String, timings: KeyTimings) throws {
        screen = try CursesScreen(headlessWidth: width, height: height, theme: .builtinDark,
                                  input: "/dev/fd/\(inputFD)", output: outputPath)
        self.timings = timings
        self.outputPath = outputPath
    }

    var size: Size { screen.size }

    @discardableResult
    func present(_ buffer: CellBuffer) -> Int {
        let runs = screen.present(buffer)
        let now = ContinuousClock.now
        let total = (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? written
        timings.drawn(at: now, runs: runs, bytes: total - written, cpu: cpuAtRead.map { Self.threadCPU() - $0 })
        written = total
        cpuAtRead = nil
        return runs
    }

    func invalidate() { screen.invalidate() }

    func readKey(timeout milliseconds: Int) -> Key? {
        let key = screen.readKey(timeout: milliseconds)
        if let key, key != .resize {
            timings.read(at: .now)
            cpuAtRead = Self.threadCPU()
        }
        return key
    }

    /// CPU seconds the calling thread has used.
    static func threadCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func writeRaw(_ text: String) { screen.writeRaw(text) }

    func end() { screen.end() }
}
