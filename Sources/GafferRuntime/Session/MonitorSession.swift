import CursesBackend
import Foundation
import GafferMonitor
import GafferMonitorModel
import GafferStore
import GafferUI
import Synchronization
import TerminalKit

/// One run of the screen: the poller on the cooperative pool, the curses loop on its own thread,
/// effects carried out as tasks whose results come back through the inbox.
public final class MonitorSession: Sendable {
    let poller: MonitorPoller
    let actions: MonitorActions
    let local: (any LocalWorkerSource)?
    let readOnly: Bool
    /// Alert limits, bell and key table the operator chose.
    let settings: ScreenSettings
    /// Opens the screen on the UI thread: the terminal through curses, or a headless one.
    let openScreen: @Sendable () throws -> any ScreenDevice
    private let inbox = Inbox()
    /// Set by Esc while a bulk action runs; it stops before its next chunk.
    private let bulkStop = Mutex(false)

    /// How often the UI thread wakes to look for new data and keys.
    static let tickMilliseconds = 100

    public init(poller: MonitorPoller, actions: MonitorActions, local: (any LocalWorkerSource)?, readOnly: Bool,
         settings: ScreenSettings = ScreenSettings(), openScreen: @escaping @Sendable () throws -> any ScreenDevice) {
        self.settings = settings
        self.poller = poller
        self.actions = actions
        self.local = local
        self.readOnly = readOnly
        self.openScreen = openScreen
    }

    /// Opens the real terminal through curses; with `mouse`, clicks and the wheel are reported.
    public static func terminal(_ look: ThemeChoice.Look, mouse: Bool = true) -> @Sendable () throws -> any ScreenDevice {
        { try CursesScreen(theme: look.theme, colors: look.colors, mouse: mouse) }
    }

    /// Runs until the user leaves or a signal arrives; returns how the user chose to leave.
    public func run() async throws -> QuitMode {
        let signals = TerminalSignals()  // before initscr, so ncurses installs no handlers of its own
        let polling = Task { [poller, inbox] in await poller.run { inbox.post(snapshot: $0) } }
        defer { polling.cancel() }
        let outcome = await runOnUIThread { [self] in uiLoop(signals) }
        return try outcome.get()
    }

    /// Leaves the screen through the same effect as the quit menu's choice (a timed run's end).
    public func quit(_ mode: QuitMode) {
        inbox.post(.quit(mode))
    }

    private func uiLoop(_ signals: TerminalSignals) -> Result<QuitMode, any Error> {
        let screen: any ScreenDevice
        do { screen = try openScreen() } catch { return .failure(error) }
        defer { screen.end() }
        var state = UIState(readOnly: readOnly, hasLocalWorker: local != nil)
        state.runnableCronKeys = actions.cron.keys
        state.settings = settings
        var snapshot = MonitorSnapshot.empty(at: Date())
        var frozen: MonitorSnapshot?
        var dirty = true
        var drawnSecond = 0
        while true {
            if signals.receivedSignal != nil { return .success(local == nil ? .exit : .drain) }
            var effects: [Effect] = []
            let (fresh, messages) = inbox.take()
            if let fresh {
                snapshot = fresh
                effects += state.effectsAfterRefresh(at: fresh.takenAt) + state.noteAlerts(fresh)
                dirty = true
            }
            for message in messages {
                effects += apply(message, to: &state)
                dirty = true
            }
            if let local {
                let live = local.snapshot()
                if live != snapshot.local { snapshot.local = live; dirty = true }
            }
            if let mode = perform(effects, screen) { return .success(mode) }
            // The clock and the data's age count every second, so an outage shows as it lasts.
            let now = Date()
            if Int(now.timeIntervalSince1970) != drawnSecond { dirty = true }
            if dirty {
                let size = screen.size
                state.viewport = size
                drawnSecond = Int(now.timeIntervalSince1970)
                screen.present(MonitorUI.render(frozen ?? snapshot, state, width: size.width, height: size.height,
                                                now: now))
                dirty = false
            }
            guard let key = screen.readKey(timeout: Self.tickMilliseconds) else { continue }
            dirty = true
            let (next, asked) = MonitorUI.update(state, key: key, snapshot: frozen ?? snapshot)
            if next.frozen != state.frozen { frozen = next.frozen ? snapshot : nil }
            state = next
            if let mode = perform(asked, screen) { return .success(mode) }
        }
    }

    private func apply(_ message: Inbox.Message, to state: inout UIState) -> [Effect] {
        switch message {
        case .report(let report): return state.receive(report: report)
        case .detail(let detail, let id): state.receive(detail: detail, for: id)
        case .jobs(let page, let scope, let cursor): state.receive(jobs: page, scope: scope, after: cursor)
        case .jobsBefore(let page, let scope, let cursor): state.receive(jobs: page, scope: scope, before: cursor)
        case .count(let count, let scope): state.receive(count: count, scope: scope)
        case .history(let history): state.receive(history: history)
        case .found(let ids, let prefix): return state.receive(found: ids, for: prefix)
        case .progress(let report): state.receive(progress: report)
        case .error(let text): state.receive(error: text)
        case .status(let text): state.status = StatusMessage(text)
        case .quit(let mode): return [.quit(mode)]
        }
        return []
    }

    /// Reads a page of a job list in the background and posts it (or the error) to the inbox.
    private func loadJobs(_ scope: JobListScope, _ cursor: JobListCursor?, fromEnd: Bool) {
        Task { [poller, inbox] in
            do {
                let page = try await poller.jobs(scope, after: cursor, limit: JobListView.pageSize, fromEnd: fromEnd)
                inbox.post(fromEnd ? .jobsBefore(page, scope, cursor) : .jobs(page, scope, cursor))
            } catch {
                inbox.post(.error("cannot load jobs: \(error)"))
            }
        }
    }

    /// Starts each effect; returns a quit mode when one asks to leave.
    private func perform(_ effects: [Effect], _ screen: any ScreenDevice) -> QuitMode? {
        for effect in effects {
            switch effect {
            case .perform(let action, let target):
                Task { [self, actions, inbox] in
                    switch target {
                    case .ids(let ids): inbox.post(.report(await actions.perform(action, ids: ids)))
                    case .scope(let scope): inbox.post(.report(await actions.perform(action, in: scope)))
                    case .every(let scope):
                        self.bulkStop.withLock { $0 = false }
                        let report = await actions.performAll(action, in: scope, progress: { inbox.post(.progress($0)) },
                                                              isCancelled: { self.bulkStop.withLock { $0 } })
                        inbox.post(.report(report))
                    }
                }
            case .cancelBulk:
                bulkStop.withLock { $0 = true }
            case .findJob(let prefix):
                Task { [poller, inbox] in
                    do {
                        inbox.post(.found(try await poller.jobIDs(startingWith: prefix, limit: MonitorUI.findLookupLimit),
                                          prefix))
                    } catch {
                        inbox.post(.error("cannot find job \(prefix.digits): \(error)"))
                    }
                }
            case .setPaused(let kind, let name, let paused):
                Task { [actions, inbox] in inbox.post(.report(await actions.setPaused(kind, name, paused: paused))) }
            case .setCronEnabled(let key, let enabled):
                Task { [actions, inbox] in inbox.post(.report(await actions.setCronEnabled(key, enabled: enabled))) }
            case .enqueueCron(let key):
                Task { [actions, inbox] in inbox.post(.report(await actions.enqueueCronNow(key))) }
            case .setLocalPaused(let paused):
                inbox.post(.report(actions.setLocalPaused(paused)))
            case .changeLocalThreads(let pool, let delta):
                Task { [actions, inbox] in inbox.post(.report(await actions.changeLocalThreads(pool: pool, by: delta))) }
            case .loadDetail(let id):
                Task { [poller, inbox] in
                    do { inbox.post(.detail(try await poller.jobDetail(id), id)) } catch {
                        inbox.post(.error("cannot load job \(id.uuidString.lowercased()): \(error)"))
                    }
                }
            case .loadJobs(let scope, let cursor):
                loadJobs(scope, cursor, fromEnd: false)
            case .loadJobsBefore(let scope, let cursor):
                loadJobs(scope, cursor, fromEnd: true)
            case .countJobs(let scope):
                Task { [poller, inbox] in
                    if let count = try? await poller.countJobs(scope) { inbox.post(.count(count, scope)) }
                }
            case .loadHistory(let span):
                Task { [poller, inbox] in
                    do { inbox.post(.history(try await poller.history(span))) } catch {
                        inbox.post(.error("cannot count finished jobs: \(error)"))
                    }
                }
            case .copy(let text):
                screen.writeRaw("\u{1b}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
            case .changeInterval(let slower):
                Task { [poller, inbox] in
                    let next = RefreshPolicy.stepped(await poller.interval, slower: slower)
                    await poller.setInterval(next)
                    inbox.post(.status("refreshing every \(next < 1 ? "\(Int(next * 1000))ms" : "\(Int(next))s")"))
                }
            case .refreshNow:
                Task { [poller] in await poller.wake(full: true) }
            case .toggleExactCounts:
                Task { [poller, inbox] in
                    let exact = await !poller.exactCounts
                    await poller.setExactCounts(exact)
                    inbox.post(.status(exact ? "counting every unfinished job exactly (costs as much as the backlog)"
                                              : "estimating queue counts and failures (≈) above 10,000 unfinished jobs"))
                }
            case .redraw:
                screen.invalidate()
            case .bell:
                screen.writeRaw("\u{07}")
            case .quit(let mode):
                return mode
            }
        }
        return nil
    }
}
