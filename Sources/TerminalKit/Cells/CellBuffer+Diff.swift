extension CellBuffer {
    /// The runs of cells that differ between two frames, row by row, left to right.
    ///
    /// An identical frame yields no runs; frames of different sizes yield every cell of
    /// `new` (a full repaint). A wide character is always sent whole: if either of its two
    /// columns changed, the run covers both.
    public static func diff(from old: CellBuffer, to new: CellBuffer) -> [CellRun] {
        let repaint = old.width != new.width || old.height != new.height
        var runs: [CellRun] = []
        for y in 0..<new.height {
            var changed = (0..<new.width).map { x in repaint || old[x, y] != new[x, y] }
            for x in 0..<new.width where changed[x] {
                // Widen the change to both halves of a wide character, in either frame.
                if new[x, y].isContinuation || (!repaint && old[x, y].isContinuation) {
                    if x > 0 { changed[x - 1] = true }
                }
            }
            for x in stride(from: new.width - 1, through: 0, by: -1) where changed[x] {
                if new[x, y].width == 2 && x + 1 < new.width { changed[x + 1] = true }
            }
            runs += changedRuns(in: new, row: y, changed: changed)
        }
        return runs
    }

    /// Groups consecutive changed cells of one row with equal styles into runs.
    private static func changedRuns(in buffer: CellBuffer, row y: Int, changed: [Bool]) -> [CellRun] {
        var runs: [CellRun] = []
        var current: CellRun?
        for x in 0..<buffer.width {
            guard changed[x] else {
                if let run = current { runs.append(run) }
                current = nil
                continue
            }
            let cell = buffer[x, y]
            if cell.isContinuation, var run = current {
                run.width += 1
                current = run
                continue
            }
            if var run = current, run.style == cell.style {
                run.text.append(cell.character)
                run.width += 1
                current = run
            } else {
                if let run = current { runs.append(run) }
                current = CellRun(x: x, y: y, style: cell.style, text: String(cell.character), width: 1)
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }
}
