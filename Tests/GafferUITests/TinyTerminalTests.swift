import Foundation
import GafferMonitorModel
import GafferMonitor
@testable import GafferUI
import TerminalKit
import Testing

/// The screen below its minimum size, down to 0×0: the message instead of panes, keys without a crash.
@Suite struct TinyTerminalTests {
    static let tiny: [Size] = [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 1, height: 40),
                               Size(width: 200, height: 1), Size(width: 20, height: 5), Size(width: 79, height: 24),
                               Size(width: 80, height: 23)]

    /// Every key the screen knows, and then some.
    static let keys: [Key] = "qQdwsRKrpPjkGg?/nNyz123456xX+-=. ".map { Key.character($0) }
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
           .backspace, .delete, .function(1), .function(5), .ctrl("l"), .ctrl("r"), .resize]

    @Test(arguments: tiny)
    func aTinyTerminalShowsOnlyTheMessage(size: Size) {
        let buffer = MonitorUI.render(Fixtures.snapshot, UIState(hasLocalWorker: true), width: size.width, height: size.height)
        #expect(buffer.size == size)
        let shown = buffer.text().split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        #expect(shown == MinimumSize(MonitorUI.minimumSize).problemLines(for: size))
        #expect(!buffer.text().contains("Threads"))
    }

    @Test func twentyByFiveNamesTheSizeNeeded() {
        let text = MonitorUI.render(Fixtures.snapshot, UIState(), width: 20, height: 5).text()
        #expect(text.contains("terminal too small:") && text.contains("20×5, need 80×24"))
    }

    /// Each key, with the overlays the keys open, at a tiny viewport; then the panes at the minimum size.
    @Test(arguments: tiny)
    func keysAtATinySizeDoNotCrash(size: Size) {
        var state = UIState(hasLocalWorker: true)
        state.viewport = size
        for key in Self.keys + Self.keys {
            state = MonitorUI.update(state, key: key, snapshot: Fixtures.snapshot).0
            state.viewport = size
            _ = MonitorUI.render(Fixtures.snapshot, state, width: size.width, height: size.height)
        }
        state.viewport = MonitorUI.minimumSize
        let back = MonitorUI.render(Fixtures.snapshot, UIState(hasLocalWorker: true), width: 80, height: 24).text()
        #expect(back.contains("1 Threads") && !back.contains("too small"))
    }
}
