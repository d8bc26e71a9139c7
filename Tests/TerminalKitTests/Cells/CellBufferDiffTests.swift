import Testing
@testable import TerminalKit

@Suite struct CellBufferDiffTests {
    @Test func identicalFramesProduceNoRuns() {
        var frame = CellBuffer(width: 10, height: 3)
        frame.put("hello 漢字", x: 0, y: 1, style: Style(.title))
        #expect(CellBuffer.diff(from: frame, to: frame).isEmpty)
    }

    @Test func onlyChangedCellsAreSent() {
        var old = CellBuffer(width: 10, height: 2)
        old.put("count: 41", x: 0, y: 0)
        var new = old
        new.put("2", x: 8, y: 0)
        #expect(CellBuffer.diff(from: old, to: new) == [CellRun(x: 8, y: 0, style: .plain, text: "2", width: 1)])
    }

    @Test func runsSplitOnStyleAndOnUnchangedCells() {
        let old = CellBuffer(width: 8, height: 1)
        var new = old
        new.put("ab", x: 0, y: 0, style: Style(.ok))
        new.put("cd", x: 2, y: 0, style: Style(.error))
        new.put("z", x: 6, y: 0, style: Style(.ok))
        #expect(CellBuffer.diff(from: old, to: new) == [
            CellRun(x: 0, y: 0, style: Style(.ok), text: "ab", width: 2),
            CellRun(x: 2, y: 0, style: Style(.error), text: "cd", width: 2),
            CellRun(x: 6, y: 0, style: Style(.ok), text: "z", width: 1),
        ])
    }

    @Test func restylingWithoutNewTextIsAChange() {
        var old = CellBuffer(width: 4, height: 1)
        old.put("row", x: 0, y: 0)
        var new = old
        new.restyle(new.bounds, style: Style(.selection))
        #expect(CellBuffer.diff(from: old, to: new) == [CellRun(x: 0, y: 0, style: Style(.selection), text: "row ", width: 4)])
    }

    @Test func wideCharactersAreSentWhole() {
        var old = CellBuffer(width: 6, height: 1)
        old.put("漢字ab", x: 0, y: 0)
        var new = old
        new.put("語", x: 2, y: 0)
        #expect(CellBuffer.diff(from: old, to: new) == [CellRun(x: 2, y: 0, style: .plain, text: "語", width: 2)])
    }

    @Test func replacingTheRightHalfOfAWideCharacterResendsItsColumns() {
        var old = CellBuffer(width: 4, height: 1)
        old.put("漢", x: 0, y: 0)
        var new = old
        new.put("x", x: 1, y: 0)
        #expect(CellBuffer.diff(from: old, to: new) == [CellRun(x: 0, y: 0, style: .plain, text: " x", width: 2)])
    }

    @Test func aResizeRepaintsEverything() {
        var old = CellBuffer(width: 3, height: 1)
        old.put("abc", x: 0, y: 0)
        var new = CellBuffer(width: 4, height: 2)
        new.put("ab", x: 0, y: 0)
        new.put("漢", x: 2, y: 1, style: Style(.title))
        #expect(CellBuffer.diff(from: old, to: new) == [
            CellRun(x: 0, y: 0, style: .plain, text: "ab  ", width: 4),
            CellRun(x: 0, y: 1, style: .plain, text: "  ", width: 2),
            CellRun(x: 2, y: 1, style: Style(.title), text: "漢", width: 2),
        ])
    }

    @Test func applyingTheRunsToTheOldFrameGivesTheNewFrame() {
        var old = CellBuffer(width: 12, height: 3)
        old.put("queue  12 漢", x: 0, y: 0)
        old.put("ok", x: 3, y: 2, style: Style(.ok))
        var new = CellBuffer(width: 12, height: 3)
        new.put("queue  13 字x", x: 0, y: 0)
        new.put("漢字", x: 1, y: 1, style: Style(.selection))
        new.put("failed", x: 3, y: 2, style: Style(.error))
        var replayed = old
        for run in CellBuffer.diff(from: old, to: new) {
            replayed.put(run.text, x: run.x, y: run.y, style: run.style)
        }
        #expect(replayed == new)
    }
}
