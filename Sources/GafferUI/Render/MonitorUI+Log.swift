#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// The log view: the co-hosted worker's last lines at or above the chosen level, newest at the
    /// bottom; every message shown escaped.
    static func drawLog(_ view: LogView, _ s: MonitorSnapshot, into buffer: inout CellBuffer, area: Rect) {
        guard let local = s.local else {
            let inside = Frame(title: "Log", isFocused: true).render(into: &buffer, area: area)
            buffer.put("no local worker: gaffer top has no local log", x: inside.x + 1, y: inside.y, style: Style(.muted))
            return
        }
        let lines = logLines(view, s)
        let rows = max(0, Frame.inner(area).height - 1)
        let end = max(0, lines.count - view.fromBottom)
        let shown = lines[max(0, end - rows)..<end]
        let level = view.minimum == .debug ? "all" : "\(view.minimum.name)+"
        let position = view.fromBottom == 0 ? "following" : "\(view.fromBottom) newer below"
        let trailing = "\(level) · \(Format.grouped(lines.count))/\(Format.grouped(local.log.count)) lines · \(position)"
        let inside = Frame(title: "Log · worker \(local.pid)", trailing: trailing, isFocused: true)
            .render(into: &buffer, area: area)
        let cells = shown.map { entry -> [TableCell] in
            [
                TableCell(Format.clock(entry.at), style: Style(.muted)),
                TableCell(entry.level.name, style: Style(role(entry.level))),
                TableCell(entry.jobClass.map(Format.clean) ?? "", style: Style(.info)),
                TableCell(entry.jobID.map(Format.shortID) ?? "", style: Style(.muted)),
                TableCell(Format.clean(entry.body), style: Style(entry.level >= .warning ? role(entry.level) : .text)),
            ]
        }
        let empty = local.log.count == 0 ? "no log lines yet" : "no lines at \(view.minimum.name) or above"
        Table(columns: [TableColumn("time", minWidth: 8, maxWidth: 8), TableColumn("level", minWidth: 5, maxWidth: 5),
                        TableColumn("job", minWidth: 3, maxWidth: 24), TableColumn("id", minWidth: 8, maxWidth: 8),
                        TableColumn("message", minWidth: 10, flex: 1)],
              rows: cells, emptyMessage: empty).render(into: &buffer, area: inside)
    }

    static func role(_ level: LogEntry.Level) -> ThemeRole {
        switch level {
        case .debug: .muted
        case .info: .text
        case .warning: .warning
        case .error: .error
        }
    }
}
