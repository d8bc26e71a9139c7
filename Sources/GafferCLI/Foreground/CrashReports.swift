import Foundation
import GafferEngine

/// Turns on the Swift backtracer's reports for a worker's crash directory, before anything starts.
enum CrashReports {
    /// Creates the directory and runs this command again with `SWIFT_BACKTRACE` pointing there, unless
    /// it is set already; without the directory the worker still records crashes, only without frames.
    static func enable(_ configuration: WorkerConfiguration) {
        guard let directory = configuration.crashDirectory else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Terminal.note("cannot create the crash directory \"\(directory)\": \(error.localizedDescription); a crashing job will not be recorded (set GAFFER_HOME to a writable directory)")
            return
        }
        CrashCapture.enableBacktracer(directory: directory)
    }
}
