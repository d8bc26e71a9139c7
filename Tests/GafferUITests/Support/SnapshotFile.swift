import Foundation
import Testing

/// Text snapshots stored as files in `Tests/GafferUITests/Snapshots/`, one `NAME.txt` per screen.
///
/// To re-record after an intended change, run the tests with `RECORD_SNAPSHOTS=1`: every snapshot
/// whose text changed (or whose file is missing) is written and its test fails once, so the new file
/// is reviewed (`git diff`) before the next run passes. A mismatch writes the actual text to
/// `$TMPDIR/gaffer-snapshots/NAME.txt` for diffing.
enum SnapshotFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Checks `text` against the stored snapshot `name` (recording it when asked or missing).
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let contents = text + "\n"
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if stored == contents { return }
        if recording || stored == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded snapshot \(name).txt: review it (git diff), then run again without RECORD_SNAPSHOTS",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("gaffer-snapshots/\(name).txt")
        try? FileManager.default.createDirectory(at: actual.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? contents.write(to: actual, atomically: true, encoding: .utf8)
        Issue.record("""
            snapshot \(name) differs: \(firstDifference(stored ?? "", contents))
            actual screen: \(actual.path); RECORD_SNAPSHOTS=1 re-records it
            """, sourceLocation: sourceLocation)
    }

    /// The first line that differs, both versions shown.
    static func firstDifference(_ stored: String, _ actual: String) -> String {
        let old = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : "(no line)"
            let b = index < new.count ? String(new[index]) : "(no line)"
            if a != b { return "line \(index + 1)\n  stored: \(a)\n  actual: \(b)" }
        }
        return "(same lines)"
    }
}
