import CSupport
import Foundation

/// A private PostgreSQL server in a data directory: found, created, started and stopped here.
///
/// It listens only on a unix socket inside its own directory (no TCP port). PostgreSQL refuses to run
/// as root, so when we are root the server runs as the unprivileged `postgres` system user, who is
/// given the directory. The server outlives nothing: callers stop it on exit and on signals.
public struct EmbeddedPostgres: Sendable {
    public let dataDirectory: String
    public let socketDirectory: String
    public let port: Int
    public let superuser = "postgres"
    let binaries: Binaries
    let serverUser: String?

    struct Binaries: Sendable {
        let initdb: String
        let pgctl: String
    }

    /// Describes a server in `directory` (its `data` folder holds the cluster, its socket too).
    /// Throws `.serverNotFound` with the package to install when the binaries are missing.
    public init(directory: String, port: Int = 5432) throws {
        self.binaries = try Self.locateBinaries()
        self.dataDirectory = directory + "/data"
        self.socketDirectory = directory
        self.port = port
        self.serverUser = geteuid() == 0 ? "postgres" : nil
        let socketPath = "\(directory)/.s.PGSQL.\(port)"
        guard socketPath.utf8.count < 100 else {
            throw PostgresError(.serverFailed,
                "embedded PostgreSQL directory \"\(directory)\" is too long for a unix socket path; set GAFFER_HOME to a shorter path")
        }
    }

    /// Connection to the given database of this server, as the superuser.
    public func config(database: String = "postgres") -> ConnectionConfig {
        .socket(directory: socketDirectory, port: port, user: superuser, database: database)
    }

    public var isInitialized: Bool { FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") }

    /// Whether a server answers on our socket.
    public var isRunning: Bool {
        ((try? pgctl(["status", "-D", dataDirectory]))?.status ?? 1) == 0
    }

    /// Settings for a throwaway server (the tests'): faster, and a crash of the machine may lose or
    /// corrupt its data. The default server (`gaffer start` without a database) keeps PostgreSQL's
    /// durable defaults, since it holds real jobs.
    public static let throwawaySettings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]

    /// Creates the cluster if needed, cleans a stale lock file, starts the server and waits until it
    /// accepts connections. Returns false when it was already running (then the caller must not stop it).
    @discardableResult
    public func start(extraSettings: [String] = []) throws -> Bool {
        try prepareDirectory()
        if !isInitialized { try initialize() }
        if isRunning { return false }
        removeStalePIDFile()
        var options = "-k \(socketDirectory) -p \(port) -c listen_addresses='' -c unix_socket_permissions=0777"
            + " -c max_connections=200"
        for setting in extraSettings { options += " -c \(setting)" }
        let result = try pgctl(["start", "-w", "-t", "60", "-D", dataDirectory, "-l", dataDirectory + "/server.log",
                                "-o", options])
        guard result.status == 0 else {
            let log = (try? String(contentsOfFile: dataDirectory + "/server.log", encoding: .utf8)) ?? ""
            let lastLine = log.split(separator: "\n").last.map(String.init) ?? result.output
            throw PostgresError(.serverFailed, "embedded PostgreSQL in \"\(dataDirectory)\" did not start: \(lastLine.trimmingCharacters(in: .whitespaces))")
        }
        return true
    }

    /// Stops the server in fast mode (running sessions are disconnected).
    public func stop() throws {
        guard isInitialized else { return }
        let result = try pgctl(["stop", "-m", "fast", "-w", "-D", dataDirectory])
        if result.status != 0 && isRunning {
            throw PostgresError(.serverFailed, "embedded PostgreSQL in \"\(dataDirectory)\" did not stop: \(result.output)")
        }
    }

    /// Restarts in fast mode (for fault tests).
    public func restart() throws {
        try stop()
        try start()
    }

    /// Removes the whole directory (the server must be stopped).
    public func destroy() {
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    func prepareDirectory() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        guard let serverUser else { return }
        var uid: uid_t = 0, gid: gid_t = 0
        guard gaffer_lookup_user(serverUser, &uid, &gid) == 0 else {
            throw PostgresError(.serverFailed, "running as root, but there is no \"\(serverUser)\" user to run PostgreSQL as; run `apt-get install postgresql` or run gaffer as an ordinary user")
        }
        chown(socketDirectory, uid, gid)
        if fm.fileExists(atPath: dataDirectory) { chown(dataDirectory, uid, gid) }
        // The server user must reach the directory: every parent needs search permission.
        var parent = (socketDirectory as NSString).deletingLastPathComponent
        while parent != "/" && !parent.isEmpty {
            var info = stat()
            if stat(parent, &info) == 0 && info.st_mode & 0o001 == 0 {
                throw PostgresError(.serverFailed, "the postgres user cannot reach \"\(socketDirectory)\" (\"\(parent)\" is not searchable); set GAFFER_HOME to a directory under /var/lib or /tmp")
            }
            parent = (parent as NSString).deletingLastPathComponent
        }
    }

    private func initialize() throws {
        let result = try asServerUser([binaries.initdb, "-D", dataDirectory, "-U", superuser, "--auth=trust",
                                       "--no-sync", "-E", "UTF8", "--locale=C"])
        guard result.status == 0 else {
            throw PostgresError(.serverFailed, "initdb failed for \"\(dataDirectory)\": \(result.output.split(separator: "\n").last ?? "")")
        }
    }

    /// A crashed run leaves `postmaster.pid` behind; when its process is gone the file is stale.
    private func removeStalePIDFile() {
        let path = dataDirectory + "/postmaster.pid"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let pid = Int32(text.split(separator: "\n").first ?? "") else { return }
        if kill(pid, 0) == -1 && errno == ESRCH {
            unlink(path)
        }
    }

    private func pgctl(_ arguments: [String]) throws -> Subprocess.Result {
        try asServerUser([binaries.pgctl] + arguments)
    }

    func asServerUser(_ argv: [String]) throws -> Subprocess.Result {
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        // PG* variables would redirect pg_ctl's own connection check to another server.
        for key in env.keys where key.hasPrefix("PG") { env[key] = nil }
        guard let serverUser else { return try Subprocess.run(argv, environment: env) }
        return try Subprocess.run(["runuser", "-u", serverUser, "--"] + argv, environment: env)
    }

    /// Finds `initdb` and `pg_ctl`: in `$GAFFER_POSTGRES_BIN` alone when it is set, else on `PATH`,
    /// else in the newest `/usr/lib/postgresql/*/bin`.
    static func locateBinaries() throws -> Binaries {
        let fm = FileManager.default
        if let override = ProcessInfo.processInfo.environment["GAFFER_POSTGRES_BIN"], !override.isEmpty {
            let initdb = override + "/initdb", pgctl = override + "/pg_ctl"
            guard fm.isExecutableFile(atPath: initdb) && fm.isExecutableFile(atPath: pgctl) else {
                throw PostgresError(.serverNotFound,
                    "PostgreSQL server binaries (initdb, pg_ctl) not found in GAFFER_POSTGRES_BIN=\"\(override)\"; point it at the directory holding them, unset it, or set DATABASE_URL")
            }
            return Binaries(initdb: initdb, pgctl: pgctl)
        }
        var candidates: [String] = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if let versions = try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            let sorted = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            candidates += sorted.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        for dir in candidates {
            let initdb = dir + "/initdb", pgctl = dir + "/pg_ctl"
            if fm.isExecutableFile(atPath: initdb) && fm.isExecutableFile(atPath: pgctl) {
                return Binaries(initdb: initdb, pgctl: pgctl)
            }
        }
        throw PostgresError(.serverNotFound,
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin; run `apt-get install postgresql` or set DATABASE_URL")
    }
}
