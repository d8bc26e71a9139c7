import ArgumentParser
import GafferStore
import Postgres

/// `--replica-url`: a streaming standby of the command's database that the monitor reads from, while every
/// action still goes to the database itself (`DatabaseOptions`, the primary).
struct ReplicaOptions: ParsableArguments {
    @Option(name: .customLong("replica-url"),
            help: ArgumentHelp("Read from this streaming standby (URL or connection string; libpq's "
                               + "target_session_attrs works in it); actions still go to the database.",
                               valueName: "url"))
    var replicaURL: String?

    /// The replica's connection settings, or nil when none was named.
    func config() throws -> ConnectionConfig? {
        guard let replicaURL else { return nil }
        guard !replicaURL.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CLIError.usage("--replica-url is empty: give the standby's URL, or leave the option out to read from the database")
        }
        return try ConnectionConfig(replicaURL, source: "the replica URL")
    }

    /// A connection to the replica, or nil when none was named.
    func connect(applicationName: String) async throws -> PostgresConnection? {
        guard let config = try config() else { return nil }
        return try await PostgresConnection.connect(config, applicationName: applicationName)
    }

    /// For the screen co-hosted by `start` and `demo`: the replica's settings once it answers and holds the schema,
    /// nil when none was named; with no screen, says the option has nothing to do.
    func checkedForScreen(_ wantsScreen: Bool, applicationName: String) async throws -> ConnectionConfig? {
        guard let config = try config() else { return nil }
        guard wantsScreen else {
            Terminal.note("--replica-url is for the screen, and there is none: the worker reads and writes the database")
            return nil
        }
        let reads = try await PostgresConnection.connect(config, applicationName: applicationName)
        do {
            try await SchemaGate.check(reads)
        } catch {
            await reads.close()
            throw error
        }
        await reads.close()
        return config
    }

    /// Runs `body` with the connection to read from (the replica, its schema checked, or else `primary`) and the
    /// primary when that is another server (for the lag); closes the replica's connection after.
    func reading<T>(besides primary: PostgresConnection, applicationName: String,
                    _ body: (_ reads: PostgresConnection, _ primary: PostgresConnection?) async throws -> T) async throws -> T {
        guard let reads = try await connect(applicationName: applicationName) else { return try await body(primary, nil) }
        do {
            try await SchemaGate.check(reads)
            let value = try await body(reads, primary)
            await reads.close()
            return value
        } catch {
            await reads.close()
            throw error
        }
    }
}
