import Dispatch
import Foundation
import GafferEngine
import GafferTestSupport
import Logging
import Postgres

// gaffer-test-worker: a worker process with the test job types, for tests that SIGKILL or SIGTERM it.
// Environment: DATABASE_URL; GAFFER_SHUTDOWN_TIMEOUT (seconds, default 25); GAFFER_THREADS (default 5);
// GAFFER_CRASH_DIR (crash capture, off by default); GAFFER_MAX_CRASHES (default 3); GAFFER_ERROR_LOG (error reports
// as JSON lines, off by default); GAFFER_LOG_FORMAT (text or json, default text).
// Prints "ready <process id>" on stdout once started; exits 0 after a graceful stop, 1 when a body
// ignored cancellation at the shutdown timeout and was abandoned.

let env = ProcessInfo.processInfo.environment
var configuration = WorkerConfiguration()
configuration.shutdownTimeout = Double(env["GAFFER_SHUTDOWN_TIMEOUT"] ?? "") ?? 25
configuration.maxThreads = Int(env["GAFFER_THREADS"] ?? "") ?? 5
configuration.pollInterval = 1
configuration.crashDirectory = env["GAFFER_CRASH_DIR"]
configuration.maxCrashes = Int(env["GAFFER_MAX_CRASHES"] ?? "") ?? WorkerConfiguration.defaultMaxCrashes
configuration.onError = try env["GAFFER_ERROR_LOG"].map { try ErrorLogFile(path: $0).reporter }
let format = LogFormat(rawValue: env["GAFFER_LOG_FORMAT"] ?? "") ?? .text
let worker = Worker(registry: JobRegistry([SleepJob.self, RecordingJob.self, PublicationSyncJob.self, FaultJob.self,
                                                GatedJob.self, StuckJob.self, CrashJob.self]),
                    database: try ConnectionConfig(env["DATABASE_URL"] ?? ""), configuration: configuration,
                    logger: Logger(sink: StreamLogSink.standardError(format: format)))

signal(SIGTERM, SIG_IGN)
signal(SIGINT, SIG_IGN)
let stopRequested = AsyncStream<Void>.makeStream()
func watch(_ signalNumber: Int32) -> DispatchSourceSignal {
    let source = DispatchSource.makeSignalSource(signal: signalNumber)
    source.setEventHandler { @Sendable in stopRequested.continuation.yield() }
    source.resume()
    return source
}
let sources = [watch(SIGTERM), watch(SIGINT)]

try await worker.start()
FileHandle.standardOutput.write(Data("ready \(await worker.processID)\n".utf8))
for await _ in stopRequested.stream { break }
let outcome = await worker.stop()
_ = sources
exit(outcome == .drained ? 0 : 1)
