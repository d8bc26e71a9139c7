import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferUI
import Synchronization

/// Hands results from async work (poller, loads, actions) to the UI thread, which drains it each tick.
final class Inbox: Sendable {
    enum Message: Sendable {
        case report(ActionReport)
        case detail(JobDetail?, UUID)
        case jobs([JobSummary], JobListScope, JobListCursor?)
        /// A page read from the end: the one before the cursor, or the last.
        case jobsBefore([JobSummary], JobListScope, JobListCursor?)
        case count(Int, JobListScope)
        case history(JobHistory)
        case found([UUID], JobIDPrefix)
        case progress(ActionReport)
        case error(String)
        case status(String)
        /// Leave the screen as if the user had chosen `mode` from the quit menu.
        case quit(QuitMode)
    }

    private struct State {
        var snapshot: MonitorSnapshot?
        var messages: [Message] = []
    }

    private let state = Mutex(State())

    func post(snapshot: MonitorSnapshot) { state.withLock { $0.snapshot = snapshot } }
    func post(_ message: Message) { state.withLock { $0.messages.append(message) } }

    /// The newest snapshot since the last take (nil if none) and the messages in arrival order.
    func take() -> (MonitorSnapshot?, [Message]) {
        state.withLock { s in
            defer { s.snapshot = nil; s.messages = [] }
            return (s.snapshot, s.messages)
        }
    }
}
