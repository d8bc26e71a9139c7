import Foundation

/// Runs a command to completion with `posix_spawn`, output captured through a temporary file.
///
/// Output goes to a file, not a pipe: `pg_ctl start` leaves a server daemon behind that inherits
/// the child's stdout, and a pipe would then never reach end-of-file.
public enum Subprocess {
    public struct Result: Sendable {
        public let status: Int32
        public let output: String
    }

    public static func run(_ argv: [String], environment: [String: String]? = nil) throws -> Result {
        let logPath = NSTemporaryDirectory() + "gaffer-spawn-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        defer { unlink(logPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Close every other inherited descriptor so no daemon keeps our sockets or files open.
        for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0)=\($1)" }
        var pid: pid_t = 0
        let spawnStatus = withCStrings(argv) { args in
            withCStrings(env) { envp in
                posix_spawnp(&pid, argv[0], &actions, nil,
                             UnsafeMutablePointer(mutating: args).withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: argv.count + 1) { $0 },
                             UnsafeMutablePointer(mutating: envp).withMemoryRebound(to: UnsafeMutablePointer<CChar>?.self, capacity: env.count + 1) { $0 })
            }
        }
        guard spawnStatus == 0 else {
            throw PostgresError(.serverFailed, "cannot run \(argv[0]): \(String(cString: strerror(spawnStatus)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitCode, output: output)
    }
}
