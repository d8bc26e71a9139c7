import Foundation
import GafferEngine
import Postgres

/// A `gaffer-test-worker` child process against a test database, to be killed or signalled by a test.
public final class WorkerProcess: @unchecked Sendable {
    public let process = Process()
    private let output = Pipe()
    private let exited = AsyncStream<Int32>.makeStream()
    /// The worker's `good_job_processes` id, from its `ready` line.
    public private(set) var processID: UUID?

    /// The built binary next to the test bundle's package (`swift build` builds it before the tests).
    public static var binary: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent(".build/debug/gaffer-test-worker")
    }

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Starts the worker and returns once it printed `ready` (read off the cooperative pool). With
    /// `crashDirectory`, crashes are recorded there, with the Swift backtracer's reports, and the worker
    /// may exit before it is ready. With `errorLog`, its error reports are appended there as JSON lines.
    public init(database: ConnectionConfig, shutdownTimeout: Double = 25, threads: Int = 5, crashDirectory: String? = nil,
                maxCrashes: Int? = nil, errorLog: String? = nil) async throws {
        process.executableURL = Self.binary
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = database.conninfo
        env["GAFFER_SHUTDOWN_TIMEOUT"] = String(shutdownTimeout)
        env["GAFFER_THREADS"] = String(threads)
        env["SWIFT_BACKTRACE"] = crashDirectory.map(CrashCapture.backtraceSetting(directory:)) ?? "enable=no"
        env["GAFFER_CRASH_DIR"] = crashDirectory
        env["GAFFER_MAX_CRASHES"] = maxCrashes.map(String.init)
        env["GAFFER_ERROR_LOG"] = errorLog
        process.environment = env
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let continuation = exited.continuation
        process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        try process.run()
        let reader = output.fileHandleForReading
        let text = try await Blocking.run {
            var text = ""
            while !text.contains("\n") {
                let chunk = reader.availableData
                if chunk.isEmpty {
                    if crashDirectory != nil { return text }
                    throw PostgresError(.serverFailed, "gaffer-test-worker exited before it was ready")
                }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        processID = text.split(separator: "\n").first?.split(separator: " ").last.flatMap { UUID(uuidString: String($0)) }
    }

    public var pid: Int32 { process.processIdentifier }

    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the process to exit and returns its status (128+n when killed by signal n).
    public func waitForExit() async -> Int32 {
        for await status in exited.stream {
            return process.terminationReason == .uncaughtSignal ? 128 + status : status
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
