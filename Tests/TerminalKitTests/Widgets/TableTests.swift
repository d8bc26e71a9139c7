import Testing
@testable import TerminalKit

@Suite struct TableTests {
    let columns = [TableColumn("Queue", flex: 1), .numeric("Jobs"), TableColumn("State")]
    let rows: [[TableCell]] = [
        ["default", "12", TableCell("running", style: Style(.running))],
        ["mailers", "3", TableCell("queued", style: Style(.queued))],
        ["漢字キュー", "1200", "paused"],
        ["low", "0", "idle"],
    ]

    @Test func headerRowsAndRightAlignedNumbers() {
        var buffer = CellBuffer(width: 24, height: 5)
        Table(columns: columns, rows: rows, selection: 1).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == """
            Queue       Jobs State
            default       12 running
            mailers        3 queued
            漢字キュー  1200 paused
            low            0 idle
            """)
        #expect(buffer.styleMask(legend: [.header: "H", .text: ".", .selection: "S", .running: "r", .queued: "q"]) == """
            HHHHHHHHHHHHHHHHHHHHHHHH
            .................rrrrrrr
            SSSSSSSSSSSSSSSSSSSSSSSS
            ........................
            ........................
            """)
    }

    @Test func columnWidthsGrowToContentThenFlex() {
        let table = Table(columns: columns, rows: rows)
        #expect(table.columnWidths(forWidth: 24) == [11, 4, 7])
        #expect(table.columnWidths(forWidth: 40) == [27, 4, 7])
        #expect(table.columnWidths(forWidth: 16) == [5, 4, 5])
    }

    /// A maximum stops flexible growth, but never cuts text while blank columns remain (issue 14 item 10).
    @Test func maximumWidthsCapFlexButNeverCutTextBesideBlankRoom() {
        let capped = Table(columns: [TableColumn("Queue", maxWidth: 6, flex: 1), .numeric("Jobs")], rows: rows)
        #expect(capped.columnWidths(forWidth: 30) == [10, 4])
        #expect(capped.columnWidths(forWidth: 13) == [8, 4])
    }

    /// Columns grow together toward their content: a long first column does not starve the next
    /// (issue 14 item 10: `vm:223… run Recalcul…` at 80 columns).
    @Test func columnsShareTheRoomInsteadOfTheFirstTakingAll() {
        let table = Table(columns: [TableColumn("where", minWidth: 5, maxWidth: 22), TableColumn("job", minWidth: 9, flex: 2)],
                          rows: [[TableCell("vm-2231.internal:4242"), TableCell("RecalculateMediaPlanMetricJob")]])
        let widths = table.columnWidths(forWidth: 36)
        #expect(widths == [16, 19])  // before: [22, 13]
    }

    @Test func narrowTablesDropColumnsFromTheRightAndCutText() {
        var buffer = CellBuffer(width: 10, height: 5)
        Table(columns: columns, rows: rows).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == """
            Queue Jobs
            defa…   12
            mail…    3
            漢字… 1200
            low      0
            """)
    }

    /// Secondary columns go, rightmost first, before the main columns' text is cut; with room they come back.
    @Test func columnsThatGiveWayHideBeforeOthersAreCut() {
        let table = Table(columns: [TableColumn("kind"), .numeric("1h"), .numeric("24h", givesWay: true),
                                    .numeric("last", givesWay: true), TableColumn("error"), TableColumn("job")],
                          rows: [["retry", "15", "150", "18s", "RateLimitError", "SyncJob"]])
        func drawn(_ width: Int) -> String {
            var buffer = CellBuffer(width: width, height: 2)
            table.render(into: &buffer, area: buffer.bounds)
            return buffer.text()
        }
        #expect(drawn(40) == """
            kind  1h 24h last error          job
            retry 15 150  18s RateLimitError SyncJob
            """)
        #expect(drawn(36) == """
            kind  1h 24h error          job
            retry 15 150 RateLimitError SyncJob
            """)
        #expect(drawn(32) == """
            kind  1h error          job
            retry 15 RateLimitError SyncJob
            """)
        #expect(drawn(26) == """
            kind  1h error     job
            retry 15 RateLimi… SyncJob
            """)
    }

    /// An extra column (no minimum) left with one cell stays blank instead of showing a lone `…`.
    @Test func anExtraColumnWithOneCellStaysBlank() {
        let table = Table(columns: [TableColumn("job"), TableColumn("at", minWidth: 0, growsLast: true)],
                          rows: [["SyncJob", "app/jobs/sync.rb:12"]])
        var buffer = CellBuffer(width: 9, height: 2)
        table.render(into: &buffer, area: buffer.bounds)
        #expect(table.columnWidths(forWidth: 9) == [7, 0])
        #expect(buffer.text() == "job\nSyncJob")
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        let many = (0..<10).map { [TableCell("job \($0)")] }
        let table = Table(columns: [TableColumn("Job")], rows: many, selection: 7, offset: 0)
        var buffer = CellBuffer(width: 8, height: 4)
        let offset = table.render(into: &buffer, area: buffer.bounds)
        #expect(offset == 5)
        #expect(buffer.text() == """
            Job
            job 5
            job 6
            job 7
            """)
        #expect(buffer.styleMask(legend: [.header: "H", .text: ".", .selection: "S"]).split(separator: "\n").last == "SSSSSSSS")
    }

    @Test(arguments: [
        // (selection, previous offset, expected offset) for 10 rows, 3 visible
        (7, 0, 5), (2, 5, 2), (6, 5, 5), (5, 5, 5), (0, 9, 0), (nil, 9, 7), (9, 0, 7), (42, 0, 7),
    ] as [(Int?, Int, Int)])
    func scrollOffset(selection: Int?, previous: Int, expected: Int) {
        #expect(Table.scrollOffset(selection: selection, offset: previous, visibleRows: 3, rowCount: 10) == expected)
    }

    @Test func unfocusedTablesShowTheSelectionInactive() {
        var buffer = CellBuffer(width: 24, height: 3)
        Table(columns: columns, rows: rows, selection: 0, isFocused: false, showsHeader: false).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.styleMask(legend: [.selectionInactive: "i", .text: ".", .queued: "q"]) == """
            iiiiiiiiiiiiiiiiiiiiiiii
            .................qqqqqq.
            ........................
            """)
    }

    @Test func emptyTablesShowTheirMessage() {
        var buffer = CellBuffer(width: 20, height: 3)
        Table(columns: columns, rows: [], selection: 0, emptyMessage: "No jobs").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == """
            Queue     Jobs State
            No jobs

            """)
        #expect(buffer.styleMask(legend: [.header: "H", .muted: "m", .text: "."]).split(separator: "\n")[1] == "mmmmmmm.............")
    }

    @Test func cellTextIsSanitizedBeforeItIsMeasured() {
        var buffer = CellBuffer(width: 12, height: 1)
        Table(columns: [TableColumn("Args", flex: 1)], rows: [["a\u{1b}[2Jb"]], showsHeader: false).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == #"a\e[2Jb"#)
    }
}
