import Synchronization

/// What a health probe reports about a worker, readable from any thread without waiting on the
/// worker's actor (a probe must answer while the worker is busy or stuck).
public final class WorkerHealth: Sendable {
    public struct State: Sendable, Equatable {
        /// Every pool runs (GoodJob: every scheduler is running); false again once stopping begins.
        public var started = false
        /// The LISTEN session is connected.
        public var notifierConnected = false
        public var stopping = false

        public init() {}
    }

    private let state = Mutex(State())

    public init() {}

    public var current: State { state.withLock { $0 } }

    func update(_ change: (inout State) -> Void) {
        state.withLock { change(&$0) }
    }
}
