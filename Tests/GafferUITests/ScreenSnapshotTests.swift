import Foundation
import GafferMonitor
import GafferStore
import GafferUI
import TerminalKit
import Testing

/// Whole screens as text, from the fixed snapshot in `Fixtures` (no database, no terminal).
///
/// To re-record after an intended change, print `screen(...)` and paste it over the literal.
@Suite struct ScreenSnapshotTests {
    func screen(_ state: UIState = UIState(hasLocalWorker: true), _ snapshot: MonitorSnapshot = Fixtures.snapshot,
                width: Int = 80, height: Int = 24) -> String {
        MonitorUI.render(snapshot, state, width: width, height: height).text()
    }

    @Test func panesAt80x24() {
        #expect(screen() == Screens.panes80)
    }

    @Test func panesAt120x40() {
        #expect(screen(width: 120, height: 40) == Screens.panes120)
    }

    @Test func tooSmallSaysTheSizeNeeded() {
        let text = screen(width: 60, height: 15)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == ["gaffer needs a 80×24 terminal (this one is 60×15)"])
        #expect(screen(width: 79, height: 40).contains("needs a 80×24"))
        #expect(screen(width: 200, height: 23).contains("needs a 80×24"))
    }

    @Test func jobDetailAt80x24() {
        var state = UIState(hasLocalWorker: true)
        state.overlays = [.detail(DetailView(id: Fixtures.id(4), detail: Fixtures.detail))]
        #expect(screen(state) == Screens.detail80)
    }

    @Test func databaseTextIsShownEscaped() {
        // The Failures row's error class is ESC [2J ESC ]0;pwned BEL: shown as text, never obeyed.
        let buffer = MonitorUI.render(Fixtures.snapshot, UIState(), width: 120, height: 40)
        #expect(buffer.text().contains(#"\e[2J\e]0;pwned\a"#))
        #expect(!buffer.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        var state = UIState()
        var detail = Fixtures.detail
        detail.error = "Evil: \u{1b}[2J\u{1b}]0;pwned\u{07}"
        detail.executions[0].backtrace = ["line\u{1b}[31m red", String(repeating: "x", count: 2000)]
        state.overlays = [.detail(DetailView(id: detail.id, detail: detail))]
        let text = screen(state, width: 120, height: 40)
        #expect(text.contains(#"error: Evil: \e[2J\e]0;pwned\a"#))
        #expect(text.contains(#"line\e[31m red"#))
    }

    @Test func jobListWithAMarkAndAConfirmation() {
        var state = UIState(hasLocalWorker: true)
        let job = JobSummary(id: Fixtures.id(4), jobClass: "SyncInventoryJob", queue: "default", priority: 0,
                             state: .discarded, sortAt: Fixtures.now - 300, attempts: 2, labels: ["inventory"],
                             error: "Net::ReadTimeout: timed out")
        state.overlays = [.jobs(JobListView(title: "queue default", scope: JobListScope(state: .discarded, queue: "default"),
                                            jobs: [job], marks: [job.id], exhausted: true)),
                          .confirm(Confirmation(prompt: "Retry 1 marked jobs?", effect: .refreshNow))]
        #expect(screen(state) == Screens.confirm80)
    }

    @Test func readOnlyAndFrozenShowBadges() {
        var state = UIState(readOnly: true)
        state.frozen = true
        let top = screen(state, width: 120, height: 40).split(separator: "\n")[0]
        #expect(top.contains("READ-ONLY") && top.contains("FROZEN"))
    }
}

enum Screens {
    static let panes80 = """
     gaffer · worker 4242 · 12 ready · 3 running · 3 failed/1… 1s · 12ms · 20:26:40
    ┌─ 1 Threads ──────────────────────┐┌─ 2 Queues ──────────────────── 12 ready ─┐
    │where        job       queue  time││queue   ready sched run retry disc wait   │
    │#1      run  ImportOr… defa… 1m15s││default    12     3   2     1    4  42s   │
    │#2      run  SendRece… mail…    4s││mailers     0     0   1     0    1    -   │
    │#3      idle                      ││                                          │
    │rails-… run  RebuildI… defa… 1h02m││                                          │
    │                                  ││                                          │
    └──────────────────────────────────┘└──────────────────────────────────────────┘
    ┌─ 3 Limits ────────────── 1 keys ─┐┌─ 4 Failures ─────────────────── 3 in 1h ─┐
    │concurrency key     run wait limit││       1h 24h last error            job   │
    │import-42             1    3     ?││disc    2   4   5m Net::ReadTimeout SyncI…│
    │                                  ││retry   1   1   1m \\e[2J\\e]0;pwned… EvilJ…│
    │                                  ││                                          │
    │                                  ││                                          │
    └──────────────────────────────────┘└──────────────────────────────────────────┘
    ┌─ 5 Cron ──────────────── 1 keys ─┐┌─ 6 Processes ───────────────── 1 active ─┐
    │key         last run  ago next on ││host        pid thr  mem     beat pools   │
    │nightly_re… succeeded  1h ~23h on ││worker-1 * 4242 2/3  60M       5s default…│
    │                                  ││rails-7     311 1/5 400M 6m stale *:5     │
    │                                  ││                                          │
    └──────────────────────────────────┘└──────────────────────────────────────────┘
    ? help  q quit  / filter  Enter open  R retry  K discard  E run now  p pause
     ? keys · Enter opens · / filters
    """

    static let panes120 = """
     gaffer · worker 4242 · 12 ready · 3 running · 3 failed/1h · 1 process                             1s · 12ms · 20:26:40
    ┌─ 1 Threads ─────────────── 2/3 busy · 1 elsewhere ─┐┌─ 2 Queues ────────────────────────────────────────── 12 ready ─┐
    │where            job               queue    time try││queue   ready sched run retry disc wait rate                    │
    │#1          run  ImportOrdersJob   default 1m15s   1││default    12     3   2     1    4  42s ▂▄▂▅█▅▃▆                │
    │#2          run  SendReceiptJob    mailers    4s   2││mailers     0     0   1     0    1    - ▃▄▃▆█▅▄▆                │
    │#3          idle                                    ││                                                                │
    │rails-7:311 run  RebuildIndexJob   default 1h02m   1││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    └────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────────────┘
    ┌─ 3 Limits ──────────────────────────────── 1 keys ─┐┌─ 4 Failures ───────────────────────────────────────── 3 in 1h ─┐
    │concurrency key                       run wait limit││       1h 24h last error                     job                │
    │import-42                               1    3     ?││disc    2   4   5m Net::ReadTimeout          SyncInventoryJob   │
    │                                                    ││retry   1   1   1m \\e[2J\\e]0;pwned\\a         EvilJob            │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    └────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────────────┘
    ┌─ 5 Cron ────────────────────────────────── 1 keys ─┐┌─ 6 Processes ─────────────────────────────────────── 1 active ─┐
    │key            last run  ago next on  job           ││host        pid thr  mem     beat pools                         │
    │nightly_report succeeded  1h ~23h on  NightlyReport…││worker-1 * 4242 2/3  60M       5s default,mailers:3             │
    │                                                    ││rails-7     311 1/5 400M 6m stale *:5                           │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    │                                                    ││                                                                │
    └────────────────────────────────────────────────────┘└────────────────────────────────────────────────────────────────┘
    ? help  q quit  Tab pane  / filter  Enter open  R retry  K discard  E run now  D destroy  p pause  P pause worker
     ? keys · Enter opens · / filters
    """

    static let detail80 = """
     gaffer · worker 4242 · 12 ready · 3 running · 3 failed/1… 1s · 12ms · 20:26:40
    ┌─ Job 00000004 · SyncInventoryJob ──────────────────────────────── discarded ─┐
    │id 00000004-0000-4000-8000-000000000000 · discarded                           │
    │queue default · priority 0 · attempts 2                                       │
    │why not running: it was discarded (R retries it)                              │
    │created 15m ago · due 15m ago · started 5m ago · finished 5m ago              │
    │labels: inventory                                                             │
    │error: Net::ReadTimeout: timed out after 30s                                  │
    │arguments:                                                                    │
    │  [{"store_id":17,"_aj_symbol_keys":["store_id"]}]                            │
    │attempts (2):                                                                 │
    │  #2 · started 5m ago · waited 2s · ran 1.2s                                  │
    │    Net::ReadTimeout: timed out after 30s                                     │
    │    app/jobs/sync_inventory_job.rb:12:in `perform'                            │
    │    lib/net/http.rb:88:in `read'                                              │
    │  #1 · started 10m ago · waited 5m00s · ran 2s                                │
    │    Net::ReadTimeout: timed out after 30s                                     │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    └──────────────────────────────────────────────────────────────────────────────┘
    ? help  Esc back  R retry  K discard  E run now  D destroy  p pause
     ? keys · Enter opens · / filters
    """

    static let confirm80 = """
     gaffer · worker 4242 · 12 ready · 3 running · 3 failed/1… 1s · 12ms · 20:26:40
    ┌─ Jobs · queue default ─────────────────────────────────── 1 of 1 · 1 marked ─┐
    │ queued   scheduled   retried   running  [discarded]  succeeded               │
    │  id       job              queue   try finished labels    error              │
    │* 00000004 SyncInventoryJob default   2   5m ago inventory Net::ReadTimeout: …│
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                   ┌─ Confirm ────────────────────────────┐                   │
    │                   │ Retry 1 marked jobs?                 │                   │
    │                   │ y yes · n or Esc no                  │                   │
    │                   └──────────────────────────────────────┘                   │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    │                                                                              │
    └──────────────────────────────────────────────────────────────────────────────┘
    y yes  n no
     ? keys · Enter opens · / filters
    """
}
