import Foundation
import GafferCore
import GafferStore
import Postgres

/// How one producer round trip groups its statements into transactions: pure, from what the round trip carries.
///
/// Usually the attempt ends and the next claim share one transaction and the unlock of the ended jobs
/// follows in a second: one commit (one WAL flush) per round trip, and the locks are still released only
/// after the finish has committed (contract §3.7). The unlock alone writes nothing, so its commit waits
/// for no flush. The ends go in a transaction of their own, with the unlock and claim after it (the old
/// layout, two flushes), when a job could be claimed again before its lock is released: an end that makes
/// its job ready at once (interrupted, or a retry not scheduled in the future), or an unlock left over
/// from an earlier round trip. A session re-taking a lock it holds counts it twice, so that job would
/// keep one lock after its unlock. The old layout is also used after a failed round trip, so that one
/// bad end cannot keep the claim from running, nor a failing claim roll back the ends.
///
/// A claim in a transaction that writes no attempt end nor backtrace commits without waiting for the WAL
/// flush (`ClaimSQL.asyncCommit`): the job starts a flush sooner, and ends stay as durable as before.
struct ExchangeLayout {
    typealias Statement = (sql: String, parameters: [any PostgresEncodable])

    /// Where a statement's result is: transaction and statement index in the pipeline's outcomes.
    struct Slot: Equatable {
        let transaction: Int
        let statement: Int
    }

    struct Statements {
        var end: Statement?
        var unlock: Statement?
        var claim: Statement?
        var lookAhead: Statement?
        /// Backtraces symbolicated after their attempt's end was sent; last, after every end.
        var backtraces: Statement?
        /// Opens a claim's transaction that need not wait for its flush.
        var asyncCommit: Statement? = ClaimSQL.asyncCommit
    }

    struct Plan {
        var transactions: [[Statement]] = []
        var end: Slot?
        var unlock: Slot?
        var claim: Slot?
        var lookAhead: Slot?
        var backtraces: Slot?
    }

    /// Whether the ends and the claim share a transaction.
    let merged: Bool

    init(ending batch: [AttemptResult], unlockingEarlier: Bool, afterFailure: Bool, now: Date) {
        merged = !unlockingEarlier && !afterFailure && batch.allSatisfy { Self.staysUnclaimable($0, now: now) }
    }

    /// True when the end leaves the job finished or scheduled after `now`, so a claim at `now` cannot take it.
    static func staysUnclaimable(_ result: AttemptResult, now: Date) -> Bool {
        switch result.outcome {
        case .finished: return true
        case .retry(_, let at): return at.map { $0 > now } ?? false
        case .interrupted: return false
        }
    }

    func transactions(_ statements: Statements) -> Plan {
        var plan = Plan()
        var current: [Statement] = []
        func add(_ statement: Statement?) -> Slot? {
            guard let statement else { return nil }
            current.append(statement)
            return Slot(transaction: plan.transactions.count, statement: current.count - 1)
        }
        func commit() {
            if !current.isEmpty { plan.transactions.append(current) }
            current = []
        }
        if merged {
            if statements.end == nil, statements.claim != nil { _ = add(statements.asyncCommit) }
            plan.end = add(statements.end)
            plan.claim = add(statements.claim)
            plan.lookAhead = add(statements.lookAhead)
            commit()
            plan.unlock = add(statements.unlock)
        } else {
            plan.end = add(statements.end)
            commit()
            if statements.claim != nil, statements.backtraces == nil { _ = add(statements.asyncCommit) }
            plan.unlock = add(statements.unlock)
            plan.claim = add(statements.claim)
            plan.lookAhead = add(statements.lookAhead)
        }
        plan.backtraces = add(statements.backtraces)
        commit()
        return plan
    }
}
