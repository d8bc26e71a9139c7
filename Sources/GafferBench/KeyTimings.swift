import Synchronization

/// When each key was sent, read by the UI loop and drawn, and what each frame wrote; shared by the sender and the screen.
final class KeyTimings: Sendable {
    /// One key: sent by the benchmark, returned by `readKey`, first frame presented after it.
    struct Key: Sendable {
        var sent: ContinuousClock.Instant
        var read: ContinuousClock.Instant?
        var drawn: ContinuousClock.Instant?
        /// Whether that frame changed any cell (the key had a visible effect).
        var changed = false
        /// CPU seconds the UI thread spent from reading the key to presenting its frame.
        var cpu: Double?
    }

    /// One presented frame: cell runs written, bytes the terminal received, and whether it answered a key.
    struct Frame: Sendable {
        var runs: Int
        var bytes: Int
        var forKey: Bool
    }

    private struct State {
        var keys: [Key] = []
        var nextRead = 0
        var nextDrawn = 0
        var frames: [Frame] = []
    }

    private let state = Mutex(State())

    /// Records a key about to be written to the terminal's input.
    func sent(at instant: ContinuousClock.Instant) {
        state.withLock { $0.keys.append(Key(sent: instant)) }
    }

    /// The UI loop read a key: the oldest unread one (keys not sent through `sent` are ignored).
    func read(at instant: ContinuousClock.Instant) {
        state.withLock { s in
            guard s.nextRead < s.keys.count else { return }
            s.keys[s.nextRead].read = instant
            s.nextRead += 1
        }
    }

    /// A frame was presented: it answers every key read since the last frame.
    func drawn(at instant: ContinuousClock.Instant, runs: Int, bytes: Int, cpu: Double?) {
        state.withLock { s in
            let answered = s.nextRead - s.nextDrawn
            for index in s.nextDrawn..<s.nextRead {
                s.keys[index].drawn = instant
                s.keys[index].changed = runs > 0
                s.keys[index].cpu = cpu
            }
            s.nextDrawn = s.nextRead
            s.frames.append(Frame(runs: runs, bytes: bytes, forKey: answered > 0))
        }
    }

    var keys: [Key] { state.withLock { $0.keys } }
    var frames: [Frame] { state.withLock { $0.frames } }
}
