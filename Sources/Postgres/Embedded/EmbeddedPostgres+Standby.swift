import Foundation

extension EmbeddedPostgres {
    /// Settings a server needs to feed a streaming standby (PostgreSQL 15's defaults, made explicit).
    public static let primarySettings = ["wal_level=replica", "max_wal_senders=5"]

    /// Lets the superuser open replication connections on the unix socket, the way a standby connects.
    ///
    /// initdb's `pg_hba.conf` has such a line already; this adds it when an edited file lacks it, and takes
    /// effect at the next start or reload.
    public func allowLocalReplication() throws {
        let path = dataDirectory + "/pg_hba.conf"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let present = text.split(separator: "\n").contains { line in
            let words = line.split(whereSeparator: \.isWhitespace)
            return words.count >= 4 && words[0] == "local" && words[1] == "replication" && words[3] == "trust"
        }
        guard !present else { return }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nlocal   replication     all                                     trust\n".utf8))
    }

    /// Copies this running server with `pg_basebackup -R` into `directory` and returns the copy, a hot standby
    /// that streams from this server once started (on `port`, its own socket in `directory`).
    ///
    /// The copy runs as the same user as this server; the caller starts, stops and destroys it.
    public func makeStandby(directory: String, port: Int) throws -> EmbeddedPostgres {
        let standby = try EmbeddedPostgres(directory: directory, port: port)
        try standby.prepareDirectory()
        // Beside the real pg_ctl (PATH may hold a link to it), so the copy's version is the server's.
        let basebackup = ((binaries.pgctl as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
            + "/pg_basebackup"
        let result = try asServerUser([basebackup, "-D", standby.dataDirectory, "-R", "-X", "stream", "--no-sync", "--checkpoint=fast",
                                       "-h", socketDirectory, "-p", String(self.port),
                                       "-U", superuser])
        guard result.status == 0 else {
            throw PostgresError(.serverFailed, "pg_basebackup from \"\(dataDirectory)\" failed: \(result.output.split(separator: "\n").last ?? "")")
        }
        // The copy holds this server's log file too; the standby starts its own.
        try? FileManager.default.removeItem(atPath: standby.dataDirectory + "/server.log")
        return standby
    }
}
