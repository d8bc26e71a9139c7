import Foundation

/// How this test run is set up: on CI (`CI=true`) long tests shrink and bounded waits allow more time.
///
/// CI runs the whole suite in one `swift test` process on two cores, end-to-end tmux runs beside
/// drains of thousands of jobs, so what takes a second here may take many there. A wait returns as
/// soon as its condition holds, so the extra patience costs a passing run nothing.
public enum TestRun {
    /// Whether the CI script (`CI=true`) runs the tests.
    public static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The factor every bounded wait's timeout is multiplied by: 6 on CI, 1 otherwise. At 3 the merged
    /// suite of ~660 tests (load 25–40 on two cores) still had 3–5 waits time out per run, each of which
    /// passed alone in seconds.
    public static let patience: Double = onCI ? 6 : 1

    /// `seconds` of a wait's timeout, stretched by `patience`.
    public static func patient(_ seconds: Double) -> Double { seconds * patience }

    /// The size of a long test: `local` normally, `ci` on CI.
    public static func size(local: Int, ci: Int) -> Int { onCI ? ci : local }
}
