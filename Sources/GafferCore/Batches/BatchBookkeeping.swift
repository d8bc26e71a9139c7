/// GoodJob v4.19.2's batch bookkeeping (`BatchRecord#_continue_discard_or_finish`), as a pure step.
///
/// Runs after every attempt of a member job (with whether that attempt discarded it), after every
/// attempt of a callback job, and when a batch is enqueued, always under the transaction-scoped
/// advisory lock `good_job_batches-<id>` and on a state read after the lock was taken: that lock
/// is what makes each callback fire once when the last jobs finish at the same moment.
///
/// One deliberate difference: GoodJob fires `on_success` when `discarded_at` is still NULL, which
/// it also is when the last two jobs end together, one discarded, and the succeeding job's step runs
/// between the other's finish and its step: `on_success` and `on_discard` both fire. Here `on_success`
/// also needs no member discarded since the batch was enqueued; the discarded job's own step still
/// fires `on_discard`, so each callback that fires, fires once, and never both. (A Ruby worker's
/// step can still fire `on_success` in that race; Gaffer cannot prevent that.)
///
/// Callback jobs are enqueued inside the locked transaction (GoodJob does so unless Active Job
/// defers enqueues to after commit), so `finished_at` waits until they have finished too, and the
/// step run after the last callback job's attempt sets it.
public enum BatchBookkeeping {
    public static func step(_ state: BatchState, jobDiscarded: Bool) -> BatchUpdate {
        var update = BatchUpdate()
        var discarded = state.discardedAt != nil
        if jobDiscarded && !discarded {
            update.setsDiscardedAt = true
            discarded = true
            if let name = state.callbackClass(.discard) { update.callbacks.append(BatchUpdate.Callback(.discard, name)) }
        }
        var jobsFinished = state.jobsFinishedAt != nil
        if state.enqueuedAt != nil && !jobsFinished && !state.hasUnfinishedJobs {
            update.setsJobsFinishedAt = true
            jobsFinished = true
            if !discarded, !state.hasJobsDiscardedSinceEnqueue, let name = state.callbackClass(.success) { update.callbacks.append(BatchUpdate.Callback(.success, name)) }
            if let name = state.callbackClass(.finish) { update.callbacks.append(BatchUpdate.Callback(.finish, name)) }
        }
        // Callback jobs enqueued just now are unfinished callback jobs of this batch.
        if state.finishedAt == nil && jobsFinished && !state.hasUnfinishedCallbacks && update.callbacks.isEmpty {
            update.setsFinishedAt = true
        }
        return update
    }
}
