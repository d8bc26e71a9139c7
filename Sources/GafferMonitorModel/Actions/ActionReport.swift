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
    /// For a bulk action: how many jobs it set out to change (nil for the others).
    public var total: Int?
    /// A bulk action stopped by the operator before its last chunk.
    public var cancelled = false

    public init(verb: String, countsJobs: Bool = true, done: Int = 0, refused: [JobActionRefusal] = [],
                failure: Failure? = nil, total: Int? = nil) {
        self.total = total
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
        if let total { return bulkSummary(total) }
        let reasons = Array(Set(refused.map(\.description))).sorted().joined(separator: ", ")
        if done == 0, !refused.isEmpty { return "nothing \(verb): \(reasons)" }
        let text = "\(verb) \(done) job\(done == 1 ? "" : "s")"
        return refused.isEmpty ? text : text + "; \(refused.count) refused: \(reasons)"
    }

    /// How far a bulk action got: `discarding: 1,000 of 3,000 done · 2 skipped`.
    public var progress: String {
        "\(verb): \(Self.grouped(done + refused.count)) of \(Self.grouped(total ?? 0)) done · \(Self.grouped(refused.count)) skipped"
    }

    /// "discarded 2,998 of 3,000 jobs; 2 skipped (locked by a running worker)", plus how it ended early.
    func bulkSummary(_ total: Int) -> String {
        var text = "\(verb) \(Self.grouped(done)) of \(Self.grouped(total)) job\(total == 1 ? "" : "s")"
        if !refused.isEmpty {
            let reasons = Dictionary(grouping: refused.map(\.description), by: { $0 })
                .map { "\(Self.grouped($0.value.count)) \($0.key)" }.sorted().joined(separator: ", ")
            text += "; \(Self.grouped(refused.count)) skipped (\(reasons))"
        }
        if cancelled {
            text += "; cancelled: \(Self.grouped(total - done - refused.count)) left untouched"
        }
        return text
    }

    /// `3,000`: counts as the summaries print them.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
