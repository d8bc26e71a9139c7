import Foundation
import GafferEngine
import GafferMonitor
import GafferRuntime
import GafferTestSupport
import Postgres
import Synchronization

/// `gaffer-bench keys`: key → frame latency of `gaffer start`'s screen on a large table while its worker drains.
///
/// Seeds `rows` jobs (`LoadSeed`), starts a worker of `threads` threads on the queued no-op jobs, runs the
/// co-hosted monitor exactly as `gaffer start` does on a headless xterm fed through a pipe, and sends a
/// key every 100–250 ms for `duration` seconds.
struct KeysBenchmark {
    var rows = 1_000_000
    var duration = 60.0
    var threads = 10
    var width = 160
    var height = 48
    /// Without the screen: the same seed and worker, for the drain rate the screen's refreshes cost.
    var screen = true

    /// Pane switches and moves, each visible on a 20-queue table.
    static let cycle = Array("2jjjk4jk1\t\t6532Gkg".utf8)

    func run(_ config: ConnectionConfig) async throws {
        let db = try await PostgresConnection.connect(config)
        let seedStart = ContinuousClock.now
        try await LoadSeed.fill(db, rows: rows, now: Date(), claimableClass: NoopJob.className)
        let claimable = try await db.query("SELECT count(*) FROM good_jobs WHERE job_class = $1 AND finished_at IS NULL",
                                           [NoopJob.className])[0].decode(0, as: Int.self)
        print(String(format: "seeded %d rows (%d queued no-op jobs) with ANALYZE in %.1f s", rows, claimable,
                     seconds(ContinuousClock.now - seedStart)))
        await db.close()

        let worker = makeWorkers(config, count: 1, threads: threads)[0]
        try await worker.start()
        guard screen else { return try await drainOnly(worker) }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("pipe failed") }
        let output = "/tmp/gaffer-bench-keys-\(getpid()).out"
        defer { close(fds[0]); close(fds[1]); unlink(output) }
        let timings = KeyTimings()
        let (width, height, input) = (width, height, fds[0])
        let monitor = try await CoHostedMonitor.open(worker: worker, config: config, cron: []) {
            try ProbeScreen(width: width, height: height, inputFD: input, outputPath: output, timings: timings)
        }
        let session = Task { try await monitor.run() }
        let polls = PollLog()
        let watching = Task { await polls.watch(monitor.poller) }

        try await Task.sleep(for: .seconds(2))  // warm-up: first full refresh drawn
        let before = await Self.succeeded(worker)
        let begin = ContinuousClock.now
        var index = 0
        while ContinuousClock.now - begin < .milliseconds(Int(duration * 1000)) {
            try await Task.sleep(for: .milliseconds(Int.random(in: 100...250)))
            let byte = Self.cycle[index % Self.cycle.count]
            timings.sent(at: .now)
            Self.write(byte, to: fds[1])
            index += 1
        }
        let window = seconds(ContinuousClock.now - begin)
        let after = await Self.succeeded(worker)
        try await Task.sleep(for: .milliseconds(500))  // the last key's frame
        Self.write(UInt8(ascii: "q"), to: fds[1])
        Self.write(UInt8(ascii: "d"), to: fds[1])  // quit menu: detach
        _ = try await session.value
        watching.cancel()
        await worker.stop()
        report(timings, polls: polls.times, drained: after - before, window: window)
    }

    /// The worker alone for the same window, no screen.
    func drainOnly(_ worker: Worker) async throws {
        try await Task.sleep(for: .seconds(2))
        let before = await Self.succeeded(worker)
        let begin = ContinuousClock.now
        try await Task.sleep(for: .milliseconds(Int(duration * 1000)))
        let window = seconds(ContinuousClock.now - begin)
        let drained = await Self.succeeded(worker) - before
        await worker.stop()
        print(String(format: "worker without the screen: %d jobs drained in %.1f s, %.0f jobs/s, %d threads", drained,
                     window, Double(drained) / window, threads))
    }

    static func write(_ byte: UInt8, to fd: Int32) {
        var byte = byte
        _ = Glibc.write(fd, &byte, 1)
    }

    static func succeeded(_ worker: Worker) async -> Int {
        await worker.snapshot().pools.reduce(0) { $0 + $1.succeeded }
    }

    func report(_ timings: KeyTimings, polls: [Double], drained: Int, window: Double) {
        let keys = timings.keys
        let total = keys.compactMap { key in key.drawn.map { seconds($0 - key.sent) * 1000 } }
        let waiting = keys.compactMap { key in key.read.map { seconds($0 - key.sent) * 1000 } }
        let drawing = keys.compactMap { key in key.read.flatMap { read in key.drawn.map { seconds($0 - read) * 1000 } } }
        print(String(format: "keys: %d sent, %d drawn (%d changed the screen) over %.1f s, %dx%d", keys.count,
                     total.count, keys.filter(\.changed).count, window, width, height))
        print("  key sent → frame presented: " + Self.summary(total))
        print("  sent → read by the loop:    " + Self.summary(waiting))
        print("  read → frame presented:     " + Self.summary(drawing))
        print("    of which UI-thread CPU:   " + Self.summary(keys.compactMap { $0.cpu.map { $0 * 1000 } }))
        let frames = timings.frames
        let keyFrames = frames.filter(\.forKey), other = frames.filter { !$0.forKey }
        let unchanged = frames.filter { $0.runs == 0 }
        print(String(format: "frames: %d for keys (%.0f bytes avg), %d for new data (%.0f bytes avg), %d unchanged (%d bytes in all)",
                     keyFrames.count, Self.mean(keyFrames.map { Double($0.bytes) }), other.count,
                     Self.mean(other.map { Double($0.bytes) }), unchanged.count, unchanged.reduce(0) { $0 + $1.bytes }))
        print(String(format: "worker: %d jobs drained in the window, %.0f jobs/s, %d threads", drained,
                     Double(drained) / window, threads))
        print("refreshes: \(polls.count), query time " + Self.summary(polls.map { $0 * 1000 }))
    }

    static func summary(_ ms: [Double]) -> String {
        String(format: "p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(ms, 0.5), percentile(ms, 0.99), ms.max() ?? .nan)
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
}

/// Every refresh's query time, read from the poller as the screen gets it.
final class PollLog: Sendable {
    private let state = Mutex<(last: Date?, times: [Double])>((nil, []))

    var times: [Double] { state.withLock { $0.times } }

    /// Samples `poller.latest` every 50 ms until cancelled, keeping each new refresh once.
    func watch(_ poller: MonitorPoller) async {
        while !Task.isCancelled {
            let latest = await poller.latest
            state.withLock { s in
                guard latest.takenAt != s.last, latest.refresh.queryTime > 0 else { return }
                s.last = latest.takenAt
                s.times.append(latest.refresh.queryTime)
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// A benchmark set-up failure.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
