import GafferConcurrency
import GafferCore
import Runtime
import Synchronization

/// Symbolicates throw sites' source locations on a thread of its own, so an attempt's end never waits for it.
///
/// The first trace from a throw site costs 50–500 ms (the DWARF line tables are read); a slot thread
/// that did this held its attempt's finish, and the job's advisory lock, that long. One thread, one
/// trace at a time: traces wait in line rather than take cores from the job threads. `hold()` keeps
/// traces waiting until `release()`, for tests that show the end does not wait.
final class TraceSymbolizer: Sendable {
    /// 8 MiB like a slot's: symbolication recurses through DWARF data.
    private let thread = ThreadExecutor(name: "gaffer-symbolicate", stackSize: 8 << 20)
    private let gate = Mutex<(held: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    init() {}

    deinit { thread.shutdown() }

    /// The throw site's lines with source locations, storable (`ErrorText.storable`).
    func lines(_ backtrace: Backtrace) async -> [String] {
        await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
            let go = gate.withLock { gate in
                if gate.held { gate.waiting.append(resume) }
                return !gate.held
            }
            if go { resume.resume() }
        }
        return await Task(executorPreference: thread) {
            ThrowSiteTrace.lines(backtrace).map(ErrorText.storable)
        }.value
    }

    func hold() { gate.withLock { $0.held = true } }

    func release() {
        let waiting = gate.withLock { gate in
            gate.held = false
            defer { gate.waiting = [] }
            return gate.waiting
        }
        for resume in waiting { resume.resume() }
    }
}
