import Foundation
import GafferCore
import Testing

@Suite("batch bookkeeping step (BatchRecord#_continue_discard_or_finish)")
struct BatchBookkeepingTests {
    static let t = Date(timeIntervalSince1970: 1_800_000_000)

    static func state(enqueued: Bool = true, discarded: Bool = false, jobsFinished: Bool = false, finished: Bool = false,
                      callbacks: Bool = true, unfinishedJobs: Bool = false, unfinishedCallbacks: Bool = false) -> BatchState {
        BatchState(enqueuedAt: enqueued ? t : nil, discardedAt: discarded ? t : nil, jobsFinishedAt: jobsFinished ? t : nil,
                   finishedAt: finished ? t : nil, onDiscard: callbacks ? "D" : nil, onSuccess: callbacks ? "S" : nil,
                   onFinish: callbacks ? "F" : nil, hasUnfinishedJobs: unfinishedJobs,
                   hasUnfinishedCallbacks: unfinishedCallbacks)
    }

    @Test func lastJobSucceedingFiresSuccessThenFinishAndWaitsForThem() {
        let update = BatchBookkeeping.step(Self.state(), jobDiscarded: false)
        #expect(update == BatchUpdate(setsJobsFinishedAt: true, callbacks: [.init(.success, "S"), .init(.finish, "F")]))
    }

    @Test func firstDiscardFiresDiscardOnceAndNoSuccess() {
        let first = BatchBookkeeping.step(Self.state(unfinishedJobs: true), jobDiscarded: true)
        #expect(first == BatchUpdate(setsDiscardedAt: true, callbacks: [.init(.discard, "D")]))
        let second = BatchBookkeeping.step(Self.state(discarded: true, unfinishedCallbacks: true), jobDiscarded: true)
        #expect(second == BatchUpdate(setsJobsFinishedAt: true, callbacks: [.init(.finish, "F")]))
        // Discarded as the last job: discard and finish in one step, never success.
        let last = BatchBookkeeping.step(Self.state(), jobDiscarded: true)
        #expect(last == BatchUpdate(setsDiscardedAt: true, setsJobsFinishedAt: true,
                                    callbacks: [.init(.discard, "D"), .init(.finish, "F")]))
    }

    /// The last two jobs end together, one discarded, and the succeeding one's step runs first:
    /// no on_success (GoodJob would fire it beside on_discard); the discarded one's step fires on_discard.
    @Test func aDiscardWhoseStepHasNotRunYetStopsSuccess() {
        var state = Self.state()
        state.hasJobsDiscardedSinceEnqueue = true
        #expect(BatchBookkeeping.step(state, jobDiscarded: false)
            == BatchUpdate(setsJobsFinishedAt: true, callbacks: [.init(.finish, "F")]))
        #expect(BatchBookkeeping.step(Self.state(jobsFinished: true, unfinishedCallbacks: true), jobDiscarded: true)
            == BatchUpdate(setsDiscardedAt: true, callbacks: [.init(.discard, "D")]))
    }

    @Test func finishedOnceTheCallbackJobsHaveFinished() {
        #expect(BatchBookkeeping.step(Self.state(jobsFinished: true, unfinishedCallbacks: true), jobDiscarded: false)
            == BatchUpdate())
        #expect(BatchBookkeeping.step(Self.state(jobsFinished: true), jobDiscarded: false)
            == BatchUpdate(setsFinishedAt: true))
        #expect(BatchBookkeeping.step(Self.state(jobsFinished: true, finished: true), jobDiscarded: false) == BatchUpdate())
    }

    @Test func withoutCallbacksTheJobsFinishFinishesTheBatch() {
        #expect(BatchBookkeeping.step(Self.state(callbacks: false), jobDiscarded: false)
            == BatchUpdate(setsJobsFinishedAt: true, setsFinishedAt: true))
    }

    @Test func notEnqueuedOrUnfinishedJobsWait() {
        #expect(BatchBookkeeping.step(Self.state(enqueued: false), jobDiscarded: false) == BatchUpdate())
        #expect(BatchBookkeeping.step(Self.state(unfinishedJobs: true), jobDiscarded: false) == BatchUpdate())
    }

    @Test func blankCallbackClassesAreNotEnqueued() {
        var state = Self.state()
        state.onSuccess = "  "
        state.onFinish = ""
        #expect(BatchBookkeeping.step(state, jobDiscarded: false) == BatchUpdate(setsJobsFinishedAt: true, setsFinishedAt: true))
    }

    @Test func callbackArgumentsAreGoodJobs() throws {
        let id = UUID(uuidString: "0f6b6c2e-6f0a-4a53-9d55-3f0b8e0e2a11")!
        let arguments = BatchCallbackArguments(batchID: id, event: .finish, app: "myapp").arguments
        #expect(arguments.json.serialized() == """
            [{"_aj_globalid":"gid://myapp/GoodJob::Batch/0f6b6c2e-6f0a-4a53-9d55-3f0b8e0e2a11"},\
            {"event":{"_aj_serialized":"ActiveJob::Serializers::SymbolSerializer","value":"finish"},\
            "_aj_symbol_keys":["event"]}]
            """)
        let parsed = try BatchCallbackArguments(arguments: try JobArguments(json: try JSONValue.parse(arguments.json.serialized())))
        #expect(parsed == BatchCallbackArguments(batchID: id, event: .finish, app: "myapp"))
        #expect(throws: ArgumentError.self) { try BatchCallbackArguments(arguments: [.globalID("gid://a/User/1")]) }
    }
}
