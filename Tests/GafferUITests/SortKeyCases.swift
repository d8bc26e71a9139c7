import Foundation
import GafferMonitorModel
@testable import GafferUI
import TerminalKit
import Testing

/// Key cases of `<` `>` `I`; `KeyBindingTests.cases` includes them.
extension KeyBindingTests {
    static func queueOrder(_ state: UIState) -> [String] { state.content(.queues, Fixtures.snapshot).keys }

    static let sorting: [KeyCase] = [
        KeyCase("> sorts a pane by its first column", KeyCase.pane(.queues), ch(">")) { state, effects in
            #expect(state.paneSorts[.queues] == ColumnSort(column: 0) && effects.isEmpty)
            #expect(state.status?.text == "sorted by queue")
        },
        KeyCase("< from the pane's own order sorts by its last column", KeyCase.pane(.queues), ch("<")) { state, _ in
            #expect(state.paneSorts[.queues] == ColumnSort(column: 7) && state.status?.text == "sorted by rate")
        },
        KeyCase("> twice sorts Queues by ready, fewest first", KeyCase.pane(.queues), ch(">>")) { state, _ in
            #expect(queueOrder(state) == ["queue-mailers", "queue-default"])
        },
        KeyCase("I turns it: most ready first, the header marked", KeyCase.pane(.queues), ch(">>I")) { state, _ in
            #expect(queueOrder(state) == ["queue-default", "queue-mailers"])
            #expect(state.content(.queues, Fixtures.snapshot).columns[1].title == "ready▼")
            #expect(state.status?.text == "sorted descending")
        },
        KeyCase("> in a job list sorts by when the jobs were created, asking the database again", KeyCase.list(),
                ch(">")) { state, effects in
            var scope = KeyCase.listScope
            scope.sortByCreated = true
            #expect(effects == [.loadJobs(scope, after: nil), .countJobs(scope)])
            #expect(state.topList?.scope == scope && state.status?.text == "sorted by created")
        },
        KeyCase("< in a job list goes back to its time", KeyCase.list(), ch("><")) { state, effects in
            #expect(state.topList?.scope == KeyCase.listScope && effects.last == .countJobs(KeyCase.listScope))
        },
        KeyCase("I in a job list turns the order, newest first", KeyCase.list(), ch("I")) { state, effects in
            #expect(state.topList?.scope.reversed == true && state.topList?.scope.isNewestFirst == true)
            #expect(state.status?.text == "sorted by due, newest first" && effects.count == 2)
        },
    ]
}

/// Cell texts as `Format` writes them, read back as sort keys.
@Suite struct SortKeyTests {
    @Test func readsNumbersCountsAndDurations() {
        let cases: [(String, Double?)] = [
            ("12", 12), ("1,234", 1234), ("12k", 12_000), ("3.4M", 3_400_000), ("2/5", 2), ("4+", 4),
            ("42s", 42), ("1m48s", 108), ("3h05m", 11_100), ("2d07h", 198_000), ("320ms", 0.32), ("~5m", 300),
            ("≈12s", 12), ("5s stale", 5), ("default", nil), ("-", nil), ("", nil), ("60M", 60_000_000),
        ]
        for (text, value) in cases {
            #expect(SortKey.value(of: text) == value, "\(text)")
        }
    }

    @Test func blanksGoLastEitherWay() {
        let texts = ["5m", "-", "42s", "1h00m"]
        let rows = texts.enumerated().map { index, text in
            PaneRow(key: "\(index)", cells: [TableCell(text)], fields: RowFields(), target: .concurrencyKey("\(index)"))
        }
        #expect(ColumnSort(column: 0).apply(rows).map { $0.cells[0].text } == ["42s", "5m", "1h00m", "-"])
        #expect(ColumnSort(column: 0, descending: true).apply(rows).map { $0.cells[0].text } == ["1h00m", "5m", "42s", "-"])
    }
}
