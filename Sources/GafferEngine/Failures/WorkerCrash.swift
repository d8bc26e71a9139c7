import Foundation
import GafferCore

/// A worker process's crash, as its record tells it: the error an error reporter gets for `ErrorReport.Kind.crash`.
public struct WorkerCrash: Error, Sendable, CustomStringConvertible {
    public let processID: UUID
    public let pid: Int32
    public let signal: Int32
    public let threadName: String
    /// The crash reason as written to the job's error (`SIGSEGV`, or the runtime's fatal-error text).
    public let reason: String

    public var description: String {
        "worker process \(processID.uuidString.lowercased()) (pid \(pid)) crashed on thread \(threadName): \(reason)"
    }
}
