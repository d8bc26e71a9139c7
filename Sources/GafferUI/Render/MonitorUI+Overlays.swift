#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    static func drawOverlay(_ overlay: Overlay, _ s: MonitorSnapshot, _ state: UIState, _ context: KeyContext,
                            into buffer: inout CellBuffer, area: Rect) {
        switch overlay {
        case .help(let scroll):
            let inside = Frame(title: "Keys", trailing: "\(state.settings.keys.key(.back, in: .help)) closes", isFocused: true).render(into: &buffer, area: area)
            StyledLine.draw(helpLines(state, s), scroll: scroll, wrap: false, into: &buffer, area: inside)
        case .jobs(let list):
            drawJobList(list, s, state, into: &buffer, area: area)
        case .batches(let view):
            drawBatchList(view, s, state, into: &buffer, area: area)
        case .detail(let view):
            let title = view.detail.map { "Job \(Format.shortID($0.id)) · \(Format.name($0.jobClass))" } ?? "Job"
            let inside = Frame(title: title, trailing: view.detail?.state.rawValue ?? "", isFocused: true)
                .render(into: &buffer, area: area)
            StyledLine.draw(detailLines(view, s), scroll: view.scroll, wrap: view.wrap, into: &buffer, area: inside)
        case .confirm(let confirmation):
            drawDialog(title: "Confirm", lines: [StyledLine(confirmation.prompt, .warning)]
                           + confirmation.detail.map { StyledLine($0, .text) }
                           + [StyledLine("\(state.settings.keys.keys(.confirmYes, in: .confirm)) yes · "
                                         + "\(state.settings.keys.keys(.confirmNo, in: .confirm)) no", .muted)],
                       into: &buffer, area: area)
        case .history(let view):
            drawHistory(view, keys: state.settings.keys, into: &buffer, area: area)
        case .log(let view):
            drawLog(view, s, into: &buffer, area: area)
        case .progress(let progress):
            drawDialog(title: progress.title, lines: [
                StyledLine(progress.line, .text),
                progress.stopping ? StyledLine(OperatorText.stopping, .warning)
                    : StyledLine("\(state.settings.keys.key(.cancelBulk, in: .progress)) stops after the chunk being written", .muted),
            ], into: &buffer, area: area)
        case .quit:
            drawDialog(title: "Leave", lines: [
                StyledLine("A worker runs in this process. Leave how?", .text),
                StyledLine("\(state.settings.keys.key(.quitDetach, in: .quit)) detach: close the screen, the worker keeps running", .text),
                StyledLine("\(state.settings.keys.key(.quitDrain, in: .quit)) drain: stop claiming, finish running jobs, exit", .text),
                StyledLine("\(state.settings.keys.key(.quitStop, in: .quit)) stop now: cancel running jobs and exit", .warning),
                StyledLine("\(state.settings.keys.keys(.confirmNo, in: .quit)) stay", .muted),
            ], into: &buffer, area: area)
        }
    }

    /// The largest useful scroll of a help or detail overlay in the state's viewport.
    static func maxScroll(of overlay: Overlay, state: UIState, _ s: MonitorSnapshot) -> Int {
        let area = Frame.inner(screenRows(Rect(state.viewport))[1])
        switch overlay {
        case .help: return StyledLine.maxScroll(helpLines(state, s), wrap: false, area: area)
        case .detail(let view): return StyledLine.maxScroll(detailLines(view, s), wrap: view.wrap, area: area)
        default: return 0
        }
    }

    /// The help for the keys of the view under the help.
    static func helpLines(_ state: UIState, _ s: MonitorSnapshot) -> [StyledLine] {
        var below = state
        below.overlays.removeAll { if case .help = $0 { true } else { false } }
        return helpLines(below.keyContext(s), keys: state.settings.keys)
    }

    static func helpLines(_ context: KeyContext, keys: KeyTable = .standard) -> [StyledLine] {
        keys.table.helpLines(in: context).map { line in
            var text = DisplayWidth.pad(line.keys, toWidth: 14) + " " + line.help
            if line.isDestructive { text += " (asks y/N)" }
            if let reason = line.disabledReason { text += " [\(reason)]" }
            return StyledLine(text, line.disabledReason == nil ? .text : .muted)
        }
    }

    static func drawDialog(title: String, lines: [StyledLine], into buffer: inout CellBuffer, area: Rect) {
        let width = min(area.width - 4, max(40, (lines.map { DisplayWidth.of($0.text) }.max() ?? 0) + 4))
        let height = lines.count + 2
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2),
                       width: width, height: height)
        let inside = Frame(title: title, isFocused: true).render(into: &buffer, area: box)
        StyledLine.draw(lines, scroll: 0, wrap: false, into: &buffer, area: inside.inset(left: 1, right: 1))
    }
}
