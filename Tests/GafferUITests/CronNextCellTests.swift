import Foundation
import GafferCron
import GafferMonitor
import GafferMonitorModel
import GafferStore
@testable import GafferUI
import Testing

/// The cron pane's "next" cell: exact from the worker's schedule, estimated from rows otherwise.
struct CronNextCellTests {
    let now = Fixtures.now  // 20:26:40 UTC

    func run(last: Date?, previous: Date?) -> CronKeyRun {
        CronKeyRun(key: "k", jobClass: "J", lastCronAt: last, previousCronAt: previous, lastJobID: Fixtures.id(1),
                   lastState: .succeeded)
    }

    @Test func aScheduleGivesTheExactTimeWhateverTheRowsSay() throws {
        let schedule = LocalWorkerSnapshot.CronSchedule(key: "k", schedule: try CronExpression.parse("*/5 * * * *"),
                                                        scheduleText: "*/5 * * * *", jobClass: "J")
        #expect(PaneContent.nextFire(schedule, run(last: now - 3600, previous: now - 7200), now: now) == "3m20s")
        #expect(PaneContent.nextFire(schedule, nil, now: now) == "3m20s")
    }

    @Test func rowsAloneGiveAnEstimateOrSayDue() {
        #expect(PaneContent.nextFire(nil, run(last: now - 600, previous: now - 4200), now: now) == "~50m")
        #expect(PaneContent.nextFire(nil, run(last: now - 7200, previous: now - 10_800), now: now) == "due")
        #expect(PaneContent.nextFire(nil, run(last: now - 60, previous: nil), now: now) == "-")
    }
}
