#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

extension MonitorUI {
    /// The history view: a bar chart of the selected series (all queues, or one) over a list of the
    /// queues with their totals and trend; failures drawn at the foot of each bar.
    static func drawHistory(_ view: HistoryView, keys: KeyTable = .standard, into buffer: inout CellBuffer, area: Rect) {
        let span = view.span
        guard let history = view.history else {
            let inside = Frame(title: "History · \(span.title)", isFocused: true).render(into: &buffer, area: area)
            buffer.put("counting finished jobs…", x: inside.x + 1, y: inside.y, style: Style(.muted))
            return
        }
        let queue = view.selectedQueue
        let series = queue.map { history.perQueue[$0] ?? [] } ?? history.total
        let finished = series.reduce(0) { $0 + $1.finished }
        let failed = series.reduce(0) { $0 + $1.failed }
        let trailing = "\(Format.grouped(finished)) finished · \(Format.grouped(failed)) failed · "
            + "\(keys.key(.switchSpan, in: .history)) \(span.other == .day ? "24 h" : "1 h")"
        let inside = Frame(title: "History · \(span.title)", trailing: trailing, isFocused: true)
            .render(into: &buffer, area: area)
        guard inside.height >= 6 else { return }
        let keys = view.keys
        let listHeight = min(keys.count + 1, max(3, inside.height / 3))
        let chartArea = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1 - listHeight)
        let fit = HistoryFit(buckets: series.count, width: inside.width - 8, bucketSeconds: span.bucketSeconds)
        // The legend: which series, what one bar counts, and the two colours; cut at the frame.
        var x = inside.x + 1
        let legend: [(String, ThemeRole)] = [
            (queue.map { "queue \(Format.name($0))" } ?? "all queues", .title),
            (" · jobs finished per \(fit.unit), UTC · ", .muted), ("█ ok ", .ok), ("█ failed", .discarded),
        ]
        for (text, role) in legend {
            x += buffer.put(text, x: x, y: inside.y, style: Style(role), maxWidth: max(0, inside.maxX - x))
        }
        let bars = fit.merge(series).map { BarChart.Bar(total: $0.finished, part: $0.failed) }
        let markEvery = span == .hour ? 600 : 10_800
        let marks = bars.indices.compactMap { index -> BarChart.Mark? in
            let from = Int(history.bucketStart(index * fit.bucketsPerBar).timeIntervalSince1970)
            let to = from + fit.bucketsPerBar * span.bucketSeconds
            let mark = (from + markEvery - 1) / markEvery * markEvery
            guard mark < to else { return nil }
            return BarChart.Mark(bar: index, label: String(Format.clock(Date(timeIntervalSince1970: Double(mark))).prefix(5)))
        }
        BarChart(bars: bars, barWidth: fit.barWidth, marks: marks).render(into: &buffer, area: chartArea.inset(left: 1))
        let rows = keys.map { key -> [TableCell] in
            let values = key == HistoryView.allKey ? history.total : history.perQueue[key] ?? []
            let done = values.reduce(0) { $0 + $1.finished }
            let lost = values.reduce(0) { $0 + $1.failed }
            return [
                TableCell(key == HistoryView.allKey ? "all queues" : Format.name(key)),
                TableCell(Format.grouped(done)),
                TableCell(Format.grouped(lost), style: Style(lost == 0 ? .muted : .discarded)),
                TableCell(Sparkline(fit.merge(values).map(\.finished)).glyphs(width: min(bars.count, max(8, inside.width - 46))),
                          style: Style(.sparkline)),
            ]
        }
        let table = Table(
            columns: [TableColumn("queue", minWidth: 10, maxWidth: 28), .numeric("finished", minWidth: 8),
                      .numeric("failed", minWidth: 6), TableColumn("trend", minWidth: 8, flex: 1)],
            rows: rows, selection: view.selection.resolved(in: keys))
        table.render(into: &buffer, area: Rect(x: inside.x, y: inside.maxY - listHeight, width: inside.width,
                                               height: listHeight))
    }
}

/// How a span's buckets fit a width: several columns a bucket when there is room, else several
/// buckets a bar.
struct HistoryFit: Sendable, Hashable {
    var bucketsPerBar: Int
    var barWidth: Int
    var bucketSeconds: Int

    init(buckets: Int, width: Int, bucketSeconds: Int) {
        let width = max(1, width)
        let count = max(1, buckets)
        self.bucketSeconds = bucketSeconds
        if count <= width {
            bucketsPerBar = 1
            barWidth = max(1, min(3, width / count))
        } else {
            bucketsPerBar = (count + width - 1) / width
            barWidth = 1
        }
    }

    /// `minute`, `10 min`, `30 min`: what one bar counts.
    var unit: String {
        let seconds = bucketsPerBar * bucketSeconds
        return seconds == 60 ? "minute" : seconds % 3600 == 0 ? "\(seconds / 3600) h" : "\(seconds / 60) min"
    }

    /// Adjacent buckets summed into bars, oldest first.
    func merge(_ buckets: [JobHistory.Bucket]) -> [JobHistory.Bucket] {
        stride(from: 0, to: buckets.count, by: bucketsPerBar).map { start in
            buckets[start..<min(start + bucketsPerBar, buckets.count)].reduce(into: JobHistory.Bucket()) {
                $0.succeeded += $1.succeeded
                $0.failed += $1.failed
            }
        }
    }
}
