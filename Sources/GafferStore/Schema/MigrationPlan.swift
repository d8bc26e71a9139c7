/// What `migrate` will do to reach GoodJob v4.19.2's schema, one step per object.
///
/// On an empty database every object is created. On a database that already has GoodJob tables
/// (a Rails app's), only what GoodJob's own update migrations add is proposed, and only applied
/// with `apply`; nothing that exists is altered.
public struct MigrationPlan: Sendable {
    public enum Action: Sendable, Equatable {
        case present
        case create
        case missing
        /// Exists with a different definition; reported, never changed.
        case differs(String)
        /// Legacy object GoodJob's update migrations drop.
        case drop
    }

    public struct Step: Sendable {
        public let object: String
        public let action: Action
        /// Statements to run when the step is applied; empty for reports.
        public let statements: [String]
        /// `CREATE INDEX CONCURRENTLY` cannot run inside a transaction.
        public let outsideTransaction: Bool
    }

    public let steps: [Step]
    public let freshInstall: Bool

    public var changes: [Step] { steps.filter { !$0.statements.isEmpty } }
    public var isNoOp: Bool { changes.isEmpty }
    /// What the database lacks that only `--apply` adds (or, for the legacy index, drops).
    public var missing: [Step] { steps.filter { $0.action == .missing } }

    static let legacyIndex = "index_good_jobs_jobs_on_finished_at"

    public init(inspection: SchemaInspection, apply: Bool) {
        freshInstall = inspection.isEmpty
        var steps: [Step] = []
        let fresh = freshInstall
        for table in GoodJobSchema.tables {
            guard let existing = inspection.columns[table.name] else {
                let act = fresh || apply
                steps.append(Step(object: "table \(table.name)", action: act ? .create : .missing,
                                  statements: act ? [table.createStatement] : [], outsideTransaction: false))
                continue
            }
            steps.append(Step(object: "table \(table.name)", action: .present, statements: [], outsideTransaction: false))
            for column in table.columns {
                let object = "column \(table.name).\(column.name)"
                if let info = existing[column.name] {
                    if !Self.compatible(info.type, column.type) {
                        steps.append(Step(object: object, action: .differs("is \(info.type), GoodJob has \(column.type)"),
                                          statements: [], outsideTransaction: false))
                    }
                    continue
                }
                steps.append(Step(object: object, action: apply ? .create : .missing,
                                  statements: apply ? ["ALTER TABLE \(table.name) ADD COLUMN \(column.ddl)"] : [],
                                  outsideTransaction: false))
            }
        }
        for index in GoodJobSchema.indexes {
            let object = "index \(index.name)"
            if inspection.indexes[index.name] != nil {
                steps.append(Step(object: object, action: .present, statements: [], outsideTransaction: false))
                continue
            }
            let tableIsNew = inspection.columns[index.table] == nil
            if fresh || tableIsNew {
                let act = fresh || apply
                steps.append(Step(object: object, action: act ? .create : .missing,
                                  statements: act ? [index.createStatement] : [], outsideTransaction: false))
            } else {
                let concurrently = index.createStatement.replacingOccurrences(of: "INDEX ", with: "INDEX CONCURRENTLY IF NOT EXISTS ")
                steps.append(Step(object: object, action: apply ? .create : .missing,
                                  statements: apply ? [concurrently] : [], outsideTransaction: true))
            }
        }
        if inspection.indexes[Self.legacyIndex] != nil {
            steps.append(Step(object: "index \(Self.legacyIndex)", action: apply ? .drop : .missing,
                              statements: apply ? ["DROP INDEX CONCURRENTLY IF EXISTS \(Self.legacyIndex)"] : [],
                              outsideTransaction: true))
        }
        self.steps = steps
    }

    /// Rails apps installed long ago may have `timestamp` without precision, or `timestamptz`.
    static func compatible(_ actual: String, _ expected: String) -> Bool {
        if actual == expected { return true }
        return actual.hasPrefix("timestamp") && expected.hasPrefix("timestamp")
    }

    /// One line per object, as `gaffer migrate` prints it.
    public var report: [String] {
        steps.compactMap { step in
            switch step.action {
            case .present: return step.object.hasPrefix("table") ? "present  \(step.object)" : nil
            case .create: return "created  \(step.object)"
            case .drop: return "dropped  \(step.object) (legacy)"
            case .missing:
                return step.object.contains(Self.legacyIndex)
                    ? "legacy   \(step.object) (GoodJob drops it; run `gaffer migrate --apply`)"
                    : "missing  \(step.object) (run `gaffer migrate --apply` to add it)"
            case .differs(let note): return "differs  \(step.object): \(note) (left unchanged)"
            }
        } + (isNoOp && !freshInstall && missing.isEmpty ? ["nothing to do: the GoodJob v4.19.2 schema is complete"] : [])
    }

    /// The one-line summary of what `--apply` would change, nil when nothing is missing.
    public var applySummary: String? {
        guard !missing.isEmpty else { return nil }
        let adds = missing.filter { !$0.object.contains(Self.legacyIndex) }.map(\.object)
        var parts: [String] = []
        if !adds.isEmpty {
            let named = adds.prefix(3).joined(separator: ", ")
            parts.append("add " + (adds.count > 3 ? "\(named) and \(adds.count - 3) more" : named))
        }
        if adds.count < missing.count { parts.append("drop the legacy index \(Self.legacyIndex)") }
        return parts.joined(separator: " and ")
    }
}
