import CSupport
import Foundation
import GafferCore

/// Crash capture for a worker process: a signal handler that records which job's thread crashed and
/// the runtime's fatal message, and, after the process has died, reading those records back with the
/// Swift backtracer's report of the crashing thread.
///
/// Files, in the worker's crash directory: `<process id>.crash`, written only by a crashing process;
/// the backtracer's `<name>-<pid>-<time>.json` when `SWIFT_BACKTRACE` sends reports there
/// (`backtraceSetting`). Workers on one machine share the directory; a crash is read by the next
/// worker that starts or reaps there, once the crashed process has exited.
public enum CrashCapture {
    /// Installs the handler for this process's records; false if it could not be installed.
    static func install(directory: String, processID: UUID) -> Bool {
        let path = directory + "/" + processID.uuidString.lowercased() + recordSuffix
        return gaffer_crash_install(path, CrashRecord.header(processID: processID, pid: getpid())) == 0
    }

    /// Marks the calling thread as running `job` (nil: none), for the record of a crash on it.
    static func running(_ job: UUID?) {
        guard let job else { return gaffer_crash_set_job(nil) }
        gaffer_crash_set_job(job.uuidString.lowercased())
    }

    static let recordSuffix = ".crash"
    /// Bytes read from a backtracer report at most.
    static let reportLimit = 8 << 20

    /// A record whose process has exited, with the files to delete once it is in the database.
    struct Found {
        var record: CrashRecord
        var files: [String]
    }

    /// The records in `directory` left by processes that have exited (a crashing process stays alive
    /// while its backtracer writes the report), with their crashing thread's frames.
    static func found(in directory: String) -> [Found] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var found: [Found] = []
        for name in names where name.hasSuffix(recordSuffix) {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path),
                  var record = CrashRecord.parse(String(decoding: data.prefix(64 << 10), as: UTF8.self)) else { continue }
            guard !isRunning(record.pid) || record.pid == getpid() else { continue }
            var files = [path]
            let marker = "-\(record.pid)-"
            let reports = names.filter { $0.hasSuffix(".json") && $0.contains(marker) }.sorted()
            if let report = reports.last, let handle = FileHandle(forReadingAtPath: directory + "/" + report) {
                let text = String(decoding: handle.readData(ofLength: reportLimit), as: UTF8.self)
                try? handle.close()
                record.frames = CrashReportFrames.lines(reportJSON: text).map(ErrorText.storable)
                files.append(directory + "/" + report)
            }
            found.append(Found(record: record, files: files))
        }
        return found
    }

    /// Whether `pid` names a live process (a zombie, dead but not yet waited for, is not).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }

    /// The `SWIFT_BACKTRACE` value that writes the crashing thread's report, symbolicated, as JSON into
    /// `directory`, without waiting for a debugger.
    public static func backtraceSetting(directory: String) -> String {
        "enable=yes,interactive=no,color=no,format=json,threads=crashed,registers=none,images=mentioned,"
            + "symbolicate=full,output-to=" + directory
    }

    /// Runs this program again with `SWIFT_BACKTRACE` sending crash reports to `directory`, unless
    /// it is set already (the runtime reads it only when a process starts). Returns only when it did not.
    public static func enableBacktracer(directory: String, arguments: [String] = CommandLine.arguments) {
        guard ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] == nil else { return }
        setenv("SWIFT_BACKTRACE", backtraceSetting(directory: directory), 1)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &argv)
        // The re-run failed: go on without reports (records still name the job and the message).
        for pointer in argv { free(pointer) }
    }
}
