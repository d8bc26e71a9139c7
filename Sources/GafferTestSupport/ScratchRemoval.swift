import Foundation

/// Deletes a test's scratch directory without waiting for it.
///
/// On this file system every unlink may wait for a discard: a test server's directory (up to a
/// gigabyte once a run has created a hundred databases) took minutes to delete, on a thread of
/// Swift's two-thread cooperative pool or at exit. A detached `rm -rf` does it instead.
public enum ScratchRemoval {
    public static func removeInBackground(_ path: String) {
        guard !path.isEmpty, path != "/" else { return }
        let argv = ["/bin/sh", "-c", "rm -rf -- \"$1\" >/dev/null 2>&1 &", "sh", path]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        // The shell returns at once, leaving `rm` to init.
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
}
