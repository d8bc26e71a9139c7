import Foundation
import Postgres

/// Deletes a test's scratch directory without waiting for it.
///
/// On this file system every unlink may wait for a discard: a test server's directory (up to a
/// gigabyte once a run has created a hundred databases) took minutes to delete, on a thread of
/// Swift's two-thread cooperative pool or at exit. A detached `rm -rf` does it instead.
public enum ScratchRemoval {
    public static func removeInBackground(_ path: String) {
        guard !path.isEmpty, path != "/" else { return }
        // The shell returns at once, leaving `rm` to init.
        let detached = try? Subprocess.run(["/bin/sh", "-c", "rm -rf -- \"$1\" >/dev/null 2>&1 &", "sh", path])
        if detached?.status != 0 { try? FileManager.default.removeItem(atPath: path) }
    }
}
