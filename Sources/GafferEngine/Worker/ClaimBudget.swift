/// How many jobs a pool may claim now: one per slot, plus one batch waiting for the next free slots.
///
/// With jobs waiting, a slot that frees starts the next one at once instead of idling for a round
/// trip, and each round trip ends and claims a full batch: for short jobs the commit per round trip,
/// not the slots, sets the rate. The wait is bounded: never more than one batch (`ahead`) is claimed
/// beyond the slots, and only while the jobs are short (`AttemptPace`), so a long job does not keep
/// others from an idle worker.
struct ClaimBudget: Equatable {
    /// The most jobs claimed ahead of the slots, whatever the thread count: one claim's worth.
    static let batchLimit = 20

    /// Slots, busy or idle (a retiring slot is busy until its job ends).
    let slots: Int
    /// Slots not retiring: the thread count in force.
    let liveSlots: Int
    let running: Int
    /// Claimed jobs waiting for a slot.
    let waiting: Int
    /// Jobs that claims in flight may still bring.
    let reserved: Int
    /// Whether recent attempts were short enough to claim ahead (`AttemptPace`).
    var claimsAhead = true

    /// One batch, while the jobs are short: four per live slot, at most `batchLimit`, so a waiting job waits
    /// for at most four short jobs ahead of it on each slot. None for one slot: a waiting job waits for the
    /// first of several slots to free, but behind one it waits a whole job.
    ///
    /// Four per slot rather than two or one: the pool's two claiming sessions share the budget, so it sets
    /// the jobs per round trip, and each round trip costs the server the same walk of the dequeue index
    /// whatever it carries. A 5-thread pool drained no-op jobs at 3,039–3,375 jobs/s with one per slot (4.5
    /// jobs per round trip), 3,783–4,472 with two (6.0), 4,673–5,239 with four (9.0) (bench/RESULTS.md).
    var ahead: Int { claimsAhead && liveSlots > 1 ? min(4 * liveSlots, Self.batchLimit) : 0 }

    /// Jobs a claim may take now.
    var free: Int { max(0, slots + ahead - running - waiting - reserved) }

    /// Whether a full batch is free: worth a round trip of its own on an idle session.
    var hasFullBatch: Bool { liveSlots > 0 && free >= min(liveSlots, Self.batchLimit) }
}
