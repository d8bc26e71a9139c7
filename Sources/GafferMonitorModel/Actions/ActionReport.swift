#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore

/// What an operator action did, summed up in one status line.
public struct ActionReport: Sendable, Hashable {
    public enum Failure: Sendable, Hashable {
        /// `--read-only`: nothing was attempted.
        case readOnly
        /// The database call failed (text is one line).
        case database(String)
        /// The role may not write (text is one line, ending with the fix: a role with write access).
        case permissionDenied(String)
    }

    /// The verb as the status line says it ("retried", "paused queue mailers").
    public var verb: String
    /// Whether the action is about jobs (then the summary counts them).
    public var countsJobs: Bool
    public var done: Int
    public var refused: [JobActionRefusal]
    public var failure: Failure?

    public init(verb: String, countsJobs: Bool = true, done: Int = 0, refused: [JobActionRefusal] = [],
                failure: Failure? = nil) {
        self.verb = verb
        self.countsJobs = countsJobs
        self.done = done
        self.refused = refused
        self.failure = failure
    }

    /// A report for an action that is not about jobs (pauses).
    public static func plain(_ verb: String, failure: Failure? = nil) -> ActionReport {
        ActionReport(verb: verb, countsJobs: false, failure: failure)
    }

    /// "retried 3 jobs; 1 refused: locked by a running worker".
    public var summary: String {
        switch failure {
        case .readOnly: return "read-only mode: nothing changed"
        case .database(let message): return "\(verb) failed: \(message)"
        case .permissionDenied(let message): return "\(verb) failed: \(message) or --read-only"
        case nil: break
        }
        guard countsJobs else { return verb }
        let reasons = Array(Set(refused.map(\.description))).sorted().joined(separator: ", ")
        if done == 0, !refused.isEmpty { return "nothing \(verb): \(reasons)" }
        let text = "\(verb) \(done) job\(done == 1 ? "" : "s")"
        return refused.isEmpty ? text : text + "; \(refused.count) refused: \(reasons)"
    }
}
