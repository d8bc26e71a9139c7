import Foundation
import GafferCore
import GafferEngine
import Testing

/// The pure plan of which slots a pool adds, removes and retires for a new thread count.
@Suite struct SlotPlanTests {
    typealias Slot = SlotPlan.Slot

    @Test func shrinkingRemovesIdleSlotsFirstThenRetiresTheHighestBusyOnes() {
        let slots = [Slot(index: 0, busy: true), Slot(index: 1, busy: false), Slot(index: 2, busy: true),
                     Slot(index: 3, busy: true), Slot(index: 4, busy: false)]
        #expect(SlotPlan.plan(slots, threads: 4) == SlotPlan(remove: [4]))
        #expect(SlotPlan.plan(slots, threads: 2) == SlotPlan(remove: [4, 1], retire: [3]))
        #expect(SlotPlan.plan(slots, threads: 1) == SlotPlan(remove: [4, 1], retire: [3, 2]))
    }

    @Test func growingKeepsRetiringSlotsBeforeAddingNewOnes() {
        let slots = [Slot(index: 0, busy: true), Slot(index: 2, busy: true, retiring: true),
                     Slot(index: 3, busy: true, retiring: true)]
        #expect(SlotPlan.plan(slots, threads: 2) == SlotPlan(keep: [2]))
        // Index 1 is free again (its slot went), 4 and 5 are new.
        #expect(SlotPlan.plan(slots, threads: 6) == SlotPlan(add: [1, 4, 5], keep: [2, 3]))
    }

    @Test func retiringSlotsDoNotCountAgainstAShrink() {
        let slots = [Slot(index: 0, busy: false), Slot(index: 1, busy: true), Slot(index: 2, busy: true, retiring: true)]
        #expect(SlotPlan.plan(slots, threads: 2) == SlotPlan())
        #expect(SlotPlan.plan(slots, threads: 1) == SlotPlan(remove: [0]))
    }

    @Test func theSameCountChangesNothing() {
        #expect(SlotPlan.plan((0..<5).map { Slot(index: $0, busy: $0 % 2 == 0) }, threads: 5).isEmpty)
    }

    /// Every mix of up to 5 idle, busy and retiring slots (indices packed or spread), every count up to
    /// 8: afterwards the slots not retiring are exactly the count, only idle slots are removed, only
    /// busy ones retire, and new indices are unused.
    @Test func everyPlanReachesItsCountWithoutTouchingARunningJob() {
        for size in 0...5 {
            for mix in 0..<Int(pow(3, Double(size))) {
                for spread in [1, 2] {
                    var code = mix
                    let slots = (0..<size).map { i -> Slot in
                        defer { code /= 3 }
                        return Slot(index: i * spread, busy: code % 3 > 0, retiring: code % 3 == 2)
                    }
                    for threads in 0...8 { check(slots, threads) }
                }
            }
        }
    }

    func check(_ slots: [Slot], _ threads: Int) {
        let plan = SlotPlan.plan(slots, threads: threads)
        let byIndex = Dictionary(uniqueKeysWithValues: slots.map { ($0.index, $0) })
        #expect(plan.remove.allSatisfy { byIndex[$0].map { !$0.busy && !$0.retiring } ?? false })
        #expect(plan.retire.allSatisfy { byIndex[$0].map { $0.busy && !$0.retiring } ?? false })
        #expect(plan.keep.allSatisfy { byIndex[$0]?.retiring ?? false })
        #expect(plan.add.allSatisfy { byIndex[$0] == nil } && Set(plan.add).count == plan.add.count)
        let live = slots.filter { !$0.retiring }.count - plan.remove.count - plan.retire.count + plan.keep.count
            + plan.add.count
        #expect(live == threads, "\(slots) to \(threads): \(plan)")
    }

    @Test func theBoundsAreThoseOfMaxThreads() {
        #expect(ThreadChangeError.check(pool: 0, queues: "*", threads: 1, requested: 0)?.description
            == "pool 1 (*) already runs 1 thread, the fewest a pool can run (1…1000, as --max-threads)")
        #expect(ThreadChangeError.check(pool: 1, queues: "a,b", threads: 1000, requested: 1001)?.description
            == "pool 2 (a,b) already runs 1000 threads, the most a pool can run (1…1000, as --max-threads)")
        #expect(ThreadChangeError.check(pool: 0, queues: "*", threads: 5, requested: -3)?.description
            == "pool 1 (*) cannot run -3 threads: give a count in 1…1000, as --max-threads")
        #expect(ThreadChangeError.check(pool: 0, queues: "*", threads: 5, requested: 1000) == nil)
    }
}
