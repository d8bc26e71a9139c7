import GafferEngine
import Synchronization

/// Log lines for a worker that may be under the screen: always to `file`, to stderr only while
/// no screen owns the terminal.
public final class ScreenLogger: JobLogger {
    private let file: any JobLogger
    private let stderr = StandardErrorLogger()
    private let toStderr: Atomic<Bool>

    public init(file: any JobLogger, stderrNow: Bool) {
        self.file = file
        self.toStderr = Atomic(stderrNow)
    }

    /// Whether lines also go to stderr (off while the screen is drawn).
    public func setStandardError(_ on: Bool) {
        toStderr.store(on, ordering: .relaxed)
    }

    public func log(_ level: LogLevel, _ message: String) {
        file.log(level, message)
        if toStderr.load(ordering: .relaxed) { stderr.log(level, message) }
    }
}
