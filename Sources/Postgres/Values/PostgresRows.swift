/// A query result copied out of libpq: column names and types, and each value's text (nil = NULL).
public struct PostgresRows: Sendable, Sequence {
    public let columns: [String]
    public let oids: [UInt32]
    public let values: [[String?]]
    /// Rows changed by INSERT/UPDATE/DELETE (PQcmdTuples), 0 otherwise.
    public let affectedRows: Int

    public init(columns: [String], oids: [UInt32], values: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.oids = oids
        self.values = values
        self.affectedRows = affectedRows
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    public var first: PostgresRow? { values.isEmpty ? nil : PostgresRow(rows: self, index: 0) }
    public subscript(index: Int) -> PostgresRow { PostgresRow(rows: self, index: index) }

    public func makeIterator() -> AnyIterator<PostgresRow> {
        var i = 0
        return AnyIterator {
            guard i < values.count else { return nil }
            defer { i += 1 }
            return PostgresRow(rows: self, index: i)
        }
    }

    func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }
}

/// One row of a result, decoded column by column.
public struct PostgresRow: Sendable {
    let rows: PostgresRows
    let index: Int

    /// Decodes a column by name; a NULL decodes only into an Optional.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let c = rows.columnIndex(column) else {
            throw PostgresError(.decodingFailed, "no such column", context: "column \"\(column)\"")
        }
        return try decode(c, as: type)
    }

    /// Decodes a column by position.
    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        do {
            return try T.decode(postgresText: rows.values[index][column], oid: rows.oids[column])
        } catch let error as PostgresError {
            throw PostgresError(.decodingFailed, error.message, context: "column \"\(rows.columns[column])\"")
        }
    }

    /// The raw text of a column, nil for NULL or a missing column.
    public subscript(column: String) -> String? {
        rows.columnIndex(column).flatMap { rows.values[index][$0] }
    }
}
