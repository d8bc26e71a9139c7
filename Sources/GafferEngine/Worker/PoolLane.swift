import Foundation
import GafferConcurrency
import GafferCore
import Postgres

/// One claiming session of a pool and what it still owes its jobs.
///
/// A job's advisory lock is held by the session that claimed it, so its attempt end, its unlock and
/// its late backtrace go through that session's lane. A pool runs its lanes' round trips concurrently:
/// while one waits for its commit, another ends and claims for the slots that freed meanwhile, so the
/// commits (one WAL flush each) overlap instead of queueing.
struct PoolLane {
    var connection: PostgresConnection
    /// Ended attempts of this lane's jobs, to write in its next round trip.
    var pending: [AttemptResult] = []
    /// Jobs whose attempt ends committed but whose advisory locks a failed statement left held.
    var unlockPending: [UUID] = []
    /// Failed attempts whose throw site `TraceSymbolizer` is still symbolicating.
    var tracesInFlight = 0
    /// Symbolicated backtraces by execution id, for ends already sent: written in the next round trip.
    var symbolicated: [UUID: [String]] = [:]
    /// Ended attempts of batch jobs whose bookkeeping runs once their finish has committed.
    var batchEnds: [BatchEnd] = []
    /// Set when the last round trip failed in part: the next one keeps ends and claim apart (`ExchangeLayout`).
    var lastExchangeFailed = false
    /// Set when a new session replaced a lost one and has not yet taken back the running jobs' claims.
    var relockNeeded = false
    /// Set while a round trip is out: a slot freed meanwhile is claimed for by another lane.
    var inFlight = false
    let wake = Wakeup()

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// No end and no backtrace left to write or being made (a leftover unlock goes with the last round
    /// trip, or with the session).
    var isSettled: Bool {
        pending.isEmpty && tracesInFlight == 0 && symbolicated.isEmpty
    }
}
