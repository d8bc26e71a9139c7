#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// Draws the whole screen: header, six panes (or the open overlays), key hints, status line.
    ///
    /// Every string from the database reaches the buffer through `Sanitizer` (in `Format.clean`
    /// and again in `CellBuffer.put`), so it can never act on the terminal.
    ///
    /// `now` is the wall clock at drawing (default: the snapshot's time): the header's clock and
    /// every pane's data age count from it, and the screen turns stale when the data is too old.
    public static func render(_ snapshot: MonitorSnapshot, _ state: UIState, width: Int, height: Int,
                              now: Date? = nil) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        if MinimumSize(minimumSize).drawProblem(into: &buffer) { return buffer }
        let rows = screenRows(buffer.bounds)
        let now = now ?? snapshot.takenAt
        let age = DataAge(snapshot, now: now)
        drawHeader(snapshot, state, age, now: now, into: &buffer, area: rows[0])
        let context = state.keyContext(snapshot)
        drawPanes(snapshot, state, age, into: &buffer, area: rows[1])
        for overlay in state.overlays {
            drawOverlay(overlay, snapshot, state, context, into: &buffer, area: rows[1])
        }
        drawFooter(state, context, into: &buffer, area: rows[2])
        drawStatus(snapshot, state, age, into: &buffer, area: rows[3])
        return buffer
    }

    /// The screen's four bands: header, body (panes and overlays), key hints, status line.
    static func screenRows(_ bounds: Rect) -> [Rect] {
        bounds.split(rows: [.fixed(1), .fill, .fixed(1), .fixed(1)])
    }

    static func drawHeader(_ s: MonitorSnapshot, _ state: UIState, _ age: DataAge, now: Date, into buffer: inout CellBuffer,
                           area: Rect) {
        let ready = s.queues.reduce(0) { $0 + $1.queued }
        let running = s.queues.reduce(0) { $0 + $1.running }
        let failed = s.failures.reduce(0) { $0 + $1.lastHour }
        let active = s.processes.filter(\.isActive).count
        var x = area.x + 1
        x += buffer.put("gaffer", x: x, y: area.y, style: Style(.title))
        if let local = s.local {
            x += buffer.put(" · worker \(local.pid)\(local.isPaused ? " PAUSED" : "")", x: x, y: area.y,
                            style: Style(local.isPaused ? .paused : .text))
        }
        // Estimated counts keep their `≈` here too, as the Queues and Failures panes show them.
        let readyText = Format.count(ready, estimate: s.queues.contains(where: \.isEstimate))
        let failedText = (s.failures.contains(where: \.isEstimate) ? "≈" : "") + "\(failed)"
        let summary = ["\(readyText) ready", "\(Format.count(running)) running", "\(failedText) failed/1h",
                       "\(active) process\(active == 1 ? "" : "es")"]
        let loading = (s.refresh.isLoading ? "loading… " : "") + (s.replica.map(replicaLabel) ?? "")
        let interval = "\(Format.duration(s.refresh.interval)) · "
        var badges: [(String, ThemeRole)] = alertBadge(s, state).map { [$0] } ?? []
        if age.isStale {
            let why = s.refresh.error == nil ? "STALE" : "NO DATABASE"
            badges.append((" \(why) · data \(Format.age(age.fast)) old ", .banner))
        }
        if let replica = s.replica, let alarm = replicaAlarm(replica) { badges.append((alarm, .banner)) }
        if state.readOnly { badges.append((" READ-ONLY ", .banner)) }
        if state.frozen { badges.append((" FROZEN ", .banner)) }
        let badgeWidth = badges.reduce(0) { $0 + DisplayWidth.of($1.0) + 1 }
        // Narrow: the query time goes first, then the summary's last items, before any word is cut.
        let full = loading + interval + "\(Format.duration(s.refresh.queryTime)) · " + Format.clock(now)
        // Two blanks before the muted right side; a badge's own padding separates it.
        let gap = badges.isEmpty ? 2 : 0
        let room = { (right: String) in area.maxX - 1 - DisplayWidth.of(right) - badgeWidth - gap - x }
        let right = headerSummary(summary, width: room(full)).count == summary.count ? full
            : loading + interval + Format.clock(now)
        var end = area.maxX - 1 - DisplayWidth.of(right)
        buffer.put(right, x: end, y: area.y, style: Style(.muted))
        for (text, role) in badges.reversed() {
            end -= DisplayWidth.of(text) + 1
            buffer.put(text, x: end, y: area.y, style: Style(role))
        }
        let shown = headerSummary(summary, width: room(right))
        let text = shown.isEmpty ? DisplayWidth.truncate(" · " + summary[0], toWidth: max(0, room(right)))
            : shown.map { " · " + $0 }.joined()
        buffer.put(text, x: x, y: area.y, style: Style(age.isStale ? .muted : .text))
    }

    /// The header summary's leading items that fit in `width` cells, each written after ` · `.
    static func headerSummary(_ items: [String], width: Int) -> [String] {
        var used = 0
        var shown: [String] = []
        for item in items {
            used += 3 + DisplayWidth.of(item)
            guard used <= width else { break }
            shown.append(item)
        }
        return shown
    }

    /// The header's note when reading from a replica: `replica 0s · ` caught up, `replica 1.5s/12kB · ` behind.
    static func replicaLabel(_ lag: ReplicaLag) -> String {
        guard lag.isStandby else { return "" }
        return lag.isCaughtUp ? "replica 0s · " : "replica \(Format.duration(lag.seconds))/\(Format.bytes(lag.bytes)) · "
    }

    /// A banner when the replica's data cannot be trusted as current: not a standby, or `replicaAlarmSeconds` behind.
    static func replicaAlarm(_ lag: ReplicaLag) -> String? {
        if !lag.isStandby { return " REPLICA IS NOT A STANDBY " }
        return lag.seconds >= replicaAlarmSeconds ? " REPLICA \(Format.age(lag.seconds)) BEHIND " : nil
    }

    /// How far behind a replica may be before the header says so in a banner.
    static let replicaAlarmSeconds = 30.0

    /// The panes' grid: Threads | Queues, Limits | Failures, Cron | Processes.
    static func paneAreas(_ area: Rect) -> [Pane: Rect] {
        let bands = area.split(rows: [.percent(40), .fill, .fill])
        var areas: [Pane: Rect] = [:]
        let order: [[Pane]] = [[.threads, .queues], [.limits, .failures], [.cron, .processes]]
        for (band, panes) in zip(bands, order) {
            // Limits has eight columns, its rule the widest: it gets the larger half of its band.
            let columns = band.split(columns: [.percent(panes[0] == .limits ? 55 : 45), .fill])
            areas[panes[0]] = columns[0]
            areas[panes[1]] = columns[1]
        }
        return areas
    }

    /// Each pane with its data's age in its frame; while the data is stale every cell is greyed, so
    /// no old number reads as live.
    static func drawPanes(_ s: MonitorSnapshot, _ state: UIState, _ age: DataAge, into buffer: inout CellBuffer,
                          area: Rect) {
        for (pane, rect) in paneAreas(area) {
            let content = state.content(pane, s)
            let focused = pane == state.focus && state.overlays.isEmpty
            let title = "\(pane.rawValue + 1) \(pane.title)"
            // The age always shows: the pane's own summary gives way when both do not fit.
            let ageLabel = DataAge.label(age.of(pane))
            let full = content.trailing + " · " + ageLabel
            let room = rect.width - 6 - DisplayWidth.of(title) - 3
            let trailing = DisplayWidth.of(full) <= room ? full : ageLabel
            let inside = Frame(title: title, trailing: trailing, isFocused: focused).render(into: &buffer, area: rect)
            let cells = content.rows.map { row in
                age.isStale ? row.cells.map { TableCell($0.text, style: Style(.muted)) } : row.cells
            }
            let table = Table(columns: content.columns, rows: cells,
                              selection: state.selection(pane).resolved(in: content.keys), isFocused: focused,
                              emptyMessage: content.emptyMessage)
            let first = table.render(into: &buffer, area: inside)
            drawRowRange(first: first, visible: table.visibleRows(in: inside), count: cells.count, frame: rect, into: &buffer)
        }
    }

    /// `3–7 of 12` on the bottom border of a pane whose rows do not all fit, so no row is hidden unsaid.
    static func drawRowRange(first: Int, visible: Int, count: Int, frame: Rect, into buffer: inout CellBuffer) {
        guard visible > 0, count > visible else { return }
        let label = " \(first + 1)–\(min(count, first + visible)) of \(count) "
        let width = DisplayWidth.of(label)
        guard frame.width >= width + 4 else { return }
        buffer.put(label, x: frame.x + frame.width - 2 - width, y: frame.maxY - 1, style: Style(.muted))
    }

    static func drawFooter(_ state: UIState, _ context: KeyContext, into buffer: inout CellBuffer, area: Rect) {
        if state.isEditingFilter {
            buffer.fill(area, style: Style(.keyHint))
            var x = area.x
            x += buffer.put("/", x: x, y: area.y, style: Style(.keyHintKey))
            x += buffer.put(state.activeFilter.text, x: x, y: area.y, style: Style(.text), maxWidth: area.width - 40)
            x += buffer.put("▏", x: x, y: area.y, style: Style(.keyHintKey))
            buffer.put("  Enter keep · Esc clear · ^U erase · queue: class: label: error: !not", x: x, y: area.y,
                       style: Style(.muted))
            return
        }
        if let text = state.findText {
            buffer.fill(area, style: Style(.keyHint))
            var x = area.x
            x += buffer.put("job id ", x: x, y: area.y, style: Style(.keyHintKey))
            x += buffer.put(Format.clean(text), x: x, y: area.y, style: Style(.text), maxWidth: area.width - 40)
            x += buffer.put("▏", x: x, y: area.y, style: Style(.keyHintKey))
            buffer.put("  Enter open · Esc cancel · ^U erase · an id or its start", x: x, y: area.y, style: Style(.muted))
            return
        }
        KeyHints(state.settings.keys.table.footerHints(in: context, width: area.width)).render(into: &buffer, area: area)
    }

    static func drawStatus(_ s: MonitorSnapshot, _ state: UIState, _ age: DataAge, into buffer: inout CellBuffer,
                           area: Rect) {
        var right = state.filter.isEmpty ? "" : "filter: \(state.filter.text)"
        if state.readOnly { right = right.isEmpty ? "read-only" : right + " · read-only" }
        if let message = state.status {
            StatusLine(message.text, right: right, role: message.isError ? .statusError : .status)
                .render(into: &buffer, area: area)
        } else if let error = s.refresh.error {
            let since = age.failingFor.map { " for " + Format.age($0) } ?? ""
            StatusLine("database unreachable\(since), retrying every \(Format.duration(s.refresh.interval)): \(error)",
                       right: right, role: .statusError).render(into: &buffer, area: area)
        } else if s.refresh.backingOff {
            StatusLine("slow queries (\(Format.duration(s.refresh.queryTime))): refreshing every "
                       + Format.duration(s.refresh.interval) + " instead of " + Format.duration(s.refresh.chosenInterval),
                       right: right, role: .status).render(into: &buffer, area: area)
        } else {
            let pane = KeyContext.Mode.pane(state.focus)
            let keys = state.settings.keys
            let hint = "\(keys.key(.help, in: pane)) keys · \(keys.key(.open, in: pane)) opens · "
                + "\(keys.key(.startFilter, in: pane)) filters"
            StatusLine(hint, right: right).render(into: &buffer, area: area)
        }
    }
}
