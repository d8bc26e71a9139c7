import Foundation
import GafferCore

/// Maps between instants (whole seconds since 1970 UTC) and wall-clock "local seconds" in one time zone.
///
/// Only `TimeZone.secondsFromGMT(for:)` is consulted. The helpers assume at most one offset change
/// within any 24 hours, which holds for every zone in the tz database in practice.
struct CronTimeZoneMapping: Sendable {
    let timeZone: TimeZone

    private static let day = CivilDate.secondsPerDay

    func offset(at instant: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    func local(_ instant: Int) -> Int {
        instant + offset(at: instant)
    }

    /// The earliest instant at which the wall clock reads `local`, or nil if a forward jump skips it.
    func firstInstant(showing local: Int) -> Int? {
        let before = offset(at: local - Self.day)
        let after = offset(at: local + Self.day)
        let offsets = [before, after, offset(at: local - before), offset(at: local - after)]
        return offsets.map { local - $0 }.filter { self.local($0) == local }.min()
    }

    /// The wall-clock seconds a forward jump skips, when `local` is one of them.
    ///
    /// Falls back to just `local` if the zone's history is more tangled than one jump.
    func skippedRange(containing local: Int) -> Range<Int> {
        let before = offset(at: local - Self.day)
        let after = offset(at: local + Self.day)
        guard after > before, offset(at: local - after) == before, offset(at: local - before) == after else {
            return local..<(local + 1)
        }
        let transition = firstChange(after: local - after, atOrBefore: local - before)
        return (transition + before)..<(transition + after)
    }

    /// The latest wall-clock reading at any instant before `instant`.
    ///
    /// Usually the reading one second earlier; just after a backward jump (fall back) it is the
    /// reading just before the jump, which is later.
    func latestLocal(before instant: Int) -> Int {
        let last = instant - 1
        let now = offset(at: last)
        let dayEarlier = offset(at: last - Self.day)
        guard dayEarlier > now else { return last + now }
        let transition = firstChange(after: last - Self.day, atOrBefore: last)
        return max(last + now, transition - 1 + offset(at: transition - 1))
    }

    /// The first instant in `lower+1...upper` whose offset differs from the offset at `lower`.
    ///
    /// Requires the offsets at `lower` and `upper` to differ; a binary search of about 17 steps per day.
    private func firstChange(after lower: Int, atOrBefore upper: Int) -> Int {
        let initial = offset(at: lower)
        var low = lower
        var high = upper
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == initial { low = middle } else { high = middle }
        }
        return high
    }
}
