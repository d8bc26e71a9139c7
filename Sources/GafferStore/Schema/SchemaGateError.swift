/// A database without GoodJob's tables: the fix is to run `migrate`.
public struct SchemaGateError: Error, CustomStringConvertible {
    /// The database as it may be printed (no password).
    public let database: String
    /// GoodJob's tables it lacks, `good_jobs` among them.
    public let missingTables: [String]

    /// The one line, naming the command that fixes it (`gaffer migrate`, or an app's own name).
    public func message(migrateCommand: String = "gaffer migrate") -> String {
        "\(database) has no GoodJob tables; run `\(migrateCommand)` first"
    }

    public var description: String { message() }
}
