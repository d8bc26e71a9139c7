import Foundation
import GafferMonitorModel
import GafferMonitor
import GafferStore
@testable import GafferUI
import TerminalKit
import Testing

/// Issue 14 item 10: columns take their width from content and terminal; nothing is cut while
/// blank columns remain, and a long name does not push the sparkline out.
@Suite struct ColumnsTests {
    static let longClass = "CreateMediaCommentsAndPublicationHistoryForInstagramJob"  // 55 characters
    static let longQueue = "manual_sync_media_comments_counter"

    static var snapshot: MonitorSnapshot {
        var s = Fixtures.snapshot
        s.local?.slots[0].job?.jobClass = longClass
        s.queues.append(QueueStats(name: longQueue, queued: 3))
        s.queueNames = s.queues.map(\.name)
        return s
    }

    @Test(arguments: ScreenText.sizes)
    func longNamesUseTheRoom(size: Size) {
        let threads = ScreenText.pane(.threads, Self.snapshot, size: size)
        let queues = ScreenText.pane(.queues, Self.snapshot, size: size)
        SnapshotFile.check(threads + "\n" + queues, named: ScreenText.name("columns-long-names", size))
        if size.width >= 200 {
            #expect(threads.contains(Self.longClass.prefix(50)), "\(threads)")  // was cut at 39 beside blank columns
            #expect(queues.contains(Self.longQueue + " "), "\(queues)")
        }
        if size.width >= 120 {
            // The sparkline keeps its eight cells beside the long queue name.
            #expect(queues.split(separator: "\n").contains { $0.contains("default") && $0.contains("▂▄▂▅█▅▃▆") }, "\(queues)")
        }
    }
}
