/// Which execution slots a pool adds, removes and retires to run a new thread count.
///
/// A running job is never interrupted: shrinking removes idle slots first and marks busy ones as
/// retiring, to go once their job has ended; growing first keeps retiring slots after all, then adds
/// new ones. After the plan, the slots not retiring number exactly the new count.
public struct SlotPlan: Sendable, Hashable {
    /// One slot as the plan sees it.
    public struct Slot: Sendable, Hashable {
        public var index: Int
        public var busy: Bool
        public var retiring: Bool

        public init(index: Int, busy: Bool, retiring: Bool = false) {
            self.index = index
            self.busy = busy
            self.retiring = retiring
        }
    }

    /// New slots, free to claim at once (the lowest indices not in use).
    public var add: [Int] = []
    /// Idle slots that go now.
    public var remove: [Int] = []
    /// Busy slots that go once their job has ended.
    public var retire: [Int] = []
    /// Retiring slots that stay after all.
    public var keep: [Int] = []

    public init(add: [Int] = [], remove: [Int] = [], retire: [Int] = [], keep: [Int] = []) {
        self.add = add
        self.remove = remove
        self.retire = retire
        self.keep = keep
    }

    public var isEmpty: Bool { add.isEmpty && remove.isEmpty && retire.isEmpty && keep.isEmpty }

    /// The plan that takes `slots` to `threads` slots not retiring (`threads` ≥ 0).
    ///
    /// Retiring slots are busy (an idle one is already gone). Kept and added slots are the lowest
    /// indices; removed and retired ones the highest, idle before busy.
    public static func plan(_ slots: [Slot], threads: Int) -> SlotPlan {
        let ordered = slots.sorted { $0.index < $1.index }
        let live = ordered.filter { !$0.retiring }
        var plan = SlotPlan()
        if threads > live.count {
            let retiring = ordered.filter(\.retiring)
            plan.keep = retiring.prefix(threads - live.count).map(\.index)
            let used = Set(ordered.map(\.index))
            let wanted = threads - live.count - plan.keep.count
            var next = 0
            while plan.add.count < wanted {
                if !used.contains(next) { plan.add.append(next) }
                next += 1
            }
        } else if threads < live.count {
            let excess = live.count - threads
            let idle = live.filter { !$0.busy }.reversed().prefix(excess)
            plan.remove = idle.map(\.index)
            plan.retire = live.filter(\.busy).reversed().prefix(excess - plan.remove.count).map(\.index)
        }
        return plan
    }
}
