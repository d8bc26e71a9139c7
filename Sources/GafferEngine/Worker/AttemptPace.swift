/// Whether a pool's jobs have lately been short enough to claim a batch ahead of its slots.
///
/// A job claimed ahead waits for the next free slot; behind long jobs that could be long, while another
/// worker sat idle. So the pool claims ahead only while its recent attempts all took less than
/// `shortLimit`: the slowest recent duration, decaying by `decay` per later attempt, is the test. One
/// long attempt stops claiming ahead at once; about thirty short ones later it resumes. A new pool
/// has no history and does not claim ahead.
struct AttemptPace: Equatable {
    /// Attempts shorter than this may be queued for (a waiting job waits about one of them).
    static let shortLimit = 0.05
    static let decay = 0.9

    /// The slowest recent attempt, in seconds, decayed; nil before the first.
    private(set) var slowest: Double?

    mutating func record(duration: Double) {
        slowest = max(duration, (slowest ?? duration) * Self.decay)
    }

    var jobsAreShort: Bool { slowest.map { $0 < Self.shortLimit } ?? false }
}
