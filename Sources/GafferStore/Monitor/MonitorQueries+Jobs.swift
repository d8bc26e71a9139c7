import Foundation
import GafferCore
import GafferMonitorModel
import Postgres

extension MonitorQueries {
    /// One page of jobs in a scope, ordered as GoodJob's dashboard orders that state (or by `created_at`,
    /// or the other way, as the scope asks), after `cursor`.
    ///
    /// Every order is a keyset over the whole table by (column, id): finished states walk GoodJob's
    /// `finished_at` indexes either way; `created_at` has `index_good_jobs_on_created_at`; the waiting
    /// states' times sort the state's rows (the partial `finished_at IS NULL` indexes find them) as the
    /// default order already does.
    ///
    /// `fromEnd`: the page before `cursor`, or the last page when nil. Both ways read `limit` rows along
    /// the keyset, so the last page of a million rows costs what the first does; a page from the end
    /// comes back in list order.
    public static func jobs(_ db: PostgresConnection, scope: JobListScope, now: Date, after cursor: JobListCursor? = nil,
                            limit: Int = 50, fromEnd: Bool = false) async throws -> [JobSummary]
    {
        let (predicate, stateColumn, _) = statePredicate(scope.state, byBadge: scope.byBadge)
        let sortColumn = scope.sortByCreated ? "created_at" : stateColumn
        let descending = scope.isNewestFirst != fromEnd
        let keyset = descending ? "<" : ">"
        let direction = descending ? "DESC" : "ASC"
        let rows = try await db.query("""
            SELECT id, coalesce(job_class, '') AS job_class, coalesce(queue_name, '') AS queue_name, priority,
                   \(sortColumn) AS sort_at, coalesce(executions_count, 0) AS attempts, \(MonitorSQL.stateCase) AS state,
                   coalesce(labels[1:$11], '{}') AS labels, coalesce(cardinality(labels), 0) AS label_count,
                   substr(error, 1, 300) AS error
            FROM good_jobs
            WHERE \(predicate) AND \(scopePredicate)
              AND ($7::timestamp IS NULL OR (\(sortColumn), id) \(keyset) ($7::timestamp, $8::uuid))
              AND ($10::timestamp IS NULL OR \(stateColumn) >= $10::timestamp)
              AND ($20::timestamp IS NULL OR \(stateColumn) < $20::timestamp)
            ORDER BY \(sortColumn) \(direction), id \(direction)
            LIMIT $9
            """, scopeValues(scope, now: now) + [cursor?.sortAt, cursor?.id, limit, scope.since, JobSummary.labelLimit]
                + filterValues(scope) + [scope.before, scope.cronKey])
        let page = try rows.map {
            JobSummary(id: try $0.decode("id"), jobClass: try $0.decode("job_class"), queue: try $0.decode("queue_name"),
                       priority: try $0.decode("priority"),
                       state: JobState(rawValue: try $0.decode("state")) ?? scope.state, sortAt: try $0.decode("sort_at"),
                       attempts: try $0.decode("attempts"), labels: try $0.decode("labels"),
                       labelCount: try $0.decode("label_count"), error: try $0.decode("error"))
        }
        return fromEnd ? page.reversed() : page
    }

    /// How many jobs the scope holds, counted up to `cap` (a list shows `100 of 10,000`).
    public static func countJobs(_ db: PostgresConnection, scope: JobListScope, now: Date, cap: Int = 100_000)
        async throws -> Int
    {
        let (predicate, sortColumn, _) = statePredicate(scope.state, byBadge: scope.byBadge)
        let rows = try await db.query("""
            SELECT count(*) AS n FROM (
              SELECT 1 FROM good_jobs
              WHERE \(predicate) AND \(scopePredicate)
                -- $7, $8 and $11 (the page's cursor and label cut) have no use in a count.
                AND $7::timestamp IS NULL AND $8::uuid IS NULL AND $11::int IS NULL
                AND ($10::timestamp IS NULL OR \(sortColumn) >= $10::timestamp)
                AND ($20::timestamp IS NULL OR \(sortColumn) < $20::timestamp)
              LIMIT $9
            ) matching
            """, scopeValues(scope, now: now) + [nil as Date?, nil as UUID?, cap, scope.since, nil as Int?]
                + filterValues(scope) + [scope.before, scope.cronKey])
        return try rows.first?.decode("n") ?? 0
    }

    /// The scope's conditions, `$1`–`$6`, `$12`–`$19` and `$21` (see `scopeValues`, `filterValues`; the callers
    /// add `$20`, `before`, on their sort column, and `$21`, the cron key); NULL
    /// columns never match a search term (hence the `coalesce`).
    /// The filter's terms match case-insensitively, as the screen's own matching does; its `!` terms
    /// (`$17` fields, `$18` patterns) exclude rows from the whole table, not from a loaded page. A field
    /// marked `+` in `$17` is a further term rows must match instead (`queue:a queue:b`).
    static let scopePredicate = """
        ($2::text IS NULL OR queue_name = $2 OR ($2 = '' AND queue_name IS NULL))
          AND ($3::text IS NULL OR job_class = $3 OR ($3 = '' AND job_class IS NULL))
          AND ($4::text IS NULL OR labels && ARRAY[$4::text])
          AND ($5::text IS NULL OR \(MonitorSQL.errorClass) = $5)
          AND ($6::text IS NULL OR error ILIKE $6)
          AND ($12::text IS NULL OR queue_name ILIKE $12)
          AND ($13::text IS NULL OR job_class ILIKE $13)
          AND ($14::text IS NULL OR \(labelMatches("$14")))
          AND ($15::text[] IS NULL OR NOT EXISTS (
                SELECT 1 FROM unnest($15::text[]) AS term(pattern)
                WHERE NOT coalesce(\(searchMatches("term.pattern")), false)))
          AND ($16::uuid IS NULL OR batch_id = $16::uuid OR batch_callback_id = $16::uuid)
          AND ($17::text[] IS NULL OR NOT EXISTS (
                SELECT 1 FROM unnest($17::text[], $18::text[]) AS term(field, pattern)
                WHERE (left(term.field, 1) = '+') <> coalesce(CASE ltrim(term.field, '+')
                                 WHEN 'queue' THEN queue_name ILIKE term.pattern
                                 WHEN 'class' THEN job_class ILIKE term.pattern
                                 WHEN 'label' THEN \(labelMatches("term.pattern"))
                                 WHEN 'error' THEN error ILIKE term.pattern
                                 ELSE \(searchMatches("term.pattern")) END, false)))
          AND ($19::text IS NULL OR concurrency_key = $19)
          AND ($21::text IS NULL OR cron_key = $21)
        """

    /// Whether a label matches the ILIKE `pattern`.
    static func labelMatches(_ pattern: String) -> String {
        "EXISTS (SELECT 1 FROM unnest(labels) label WHERE label ILIKE \(pattern))"
    }

    /// Whether free text `pattern` (`%text%`) is in the class, queue, a label, the error or the
    /// arguments, or starts the id: what a list row shows, and the arguments behind it.
    static func searchMatches(_ pattern: String) -> String {
        """
        job_class ILIKE \(pattern) OR queue_name ILIKE \(pattern) OR \(labelMatches(pattern)) OR error ILIKE \(pattern)
        OR (serialized_params->'arguments')::text ILIKE \(pattern) OR id::text ILIKE ltrim(\(pattern), '%')
        """
    }

    static func scopeValues(_ scope: JobListScope, now: Date) -> [any PostgresEncodable] {
        [now, scope.queue, scope.jobClass, scope.label, scope.errorClass, scope.errorContains.map(contains)]
    }

    /// `$12`–`$19`. A free-text `!` term's field is `''`, which the CASE sends to the search; a required
    /// term's field starts with `+`.
    static func filterValues(_ scope: JobListScope) -> [any PostgresEncodable] {
        let terms = scope.excluded.map { ($0.field?.rawValue ?? "", $0.text) }
            + scope.alsoRequired.map { ("+" + ($0.field?.rawValue ?? ""), $0.text) }
        return [scope.queueContains.map(contains), scope.classContains.map(contains), scope.labelContains.map(contains),
                scope.search.isEmpty ? nil as [String]? : scope.search.map(contains), scope.batchID,
                terms.isEmpty ? nil as [String]? : terms.map(\.0),
                terms.isEmpty ? nil as [String]? : terms.map { contains($0.1) }, scope.concurrencyKey]
    }

    /// `%text%` with LIKE's wildcards escaped.
    static func contains(_ text: String) -> String { "%" + likeEscaped(text) + "%" }

    /// A job with its arguments and its newest attempts; nil when the row is gone.
    public static func jobDetail(_ db: PostgresConnection, id: UUID, now: Date) async throws -> JobDetail? {
        let key = MonitorSQL.lockKey(table: "good_jobs", idColumn: "id")
        // The `OFFSET 0` fences keep the planner from inlining the laterals, so a 10 MB payload is
        // detoasted and turned into text once, not once per use.
        let rows = try await db.query("""
            SELECT id, coalesce(job_class, '') AS job_class, coalesce(queue_name, '') AS queue_name, priority,
                   \(MonitorSQL.stateCase) AS state, created_at, scheduled_at, performed_at, finished_at,
                   coalesce(executions_count, 0) AS attempts, coalesce(labels[1:$3], '{}') AS labels,
                   coalesce(cardinality(labels), 0) AS label_count, left(error, $4) AS error,
                   coalesce(length(error), 0) AS error_length, error_event, concurrency_key, cron_key, locked_by_id,
                   \(MonitorSQL.lockHeld(key)) AS advisory_locked,
                   p.kind AS params_kind, p.arguments IS NOT NULL AS has_arguments,
                   CASE WHEN p.kind <> 'object' THEN left(serialized_params::text, $6) END AS params_excerpt,
                   coalesce(left(a.text, $5), '') AS arguments, coalesce(length(a.text), 0) AS arguments_length,
                   (SELECT count(*) FROM good_job_executions e WHERE e.active_job_id = good_jobs.id) AS execution_count
            FROM good_jobs
              CROSS JOIN LATERAL (SELECT jsonb_typeof(serialized_params) AS kind,
                                         CASE WHEN jsonb_typeof(serialized_params) = 'object'
                                              THEN serialized_params->'arguments' END AS arguments OFFSET 0) p
              CROSS JOIN LATERAL (SELECT p.arguments::text AS text OFFSET 0) a
            WHERE id = $2
            """, [now, id, JobDetail.labelLimit, JobDetail.errorLimit, JobDetail.argumentLimit,
                  JobDetail.excerptLimit + 1])
        guard let row = rows.first else { return nil }
        let executions = try await db.query("""
            SELECT id, created_at, scheduled_at, finished_at, extract(epoch FROM duration)::float8 AS duration,
                   left(error, $4) AS error, coalesce(length(error), 0) AS error_length, error_event, process_id,
                   coalesce(array_length(error_backtrace, 1), 0) AS line_count,
                   ARRAY(SELECT left(line, 500) FROM unnest(error_backtrace[1:$3]) WITH ORDINALITY AS b(line, n)
                         ORDER BY n) AS backtrace
            FROM good_job_executions WHERE active_job_id = $1
            ORDER BY created_at DESC, id DESC LIMIT $2
            """, [id, MonitorLimits.attempts, JobDetail.Execution.backtraceLineLimit, JobDetail.errorLimit])
        return JobDetail(
            id: try row.decode("id"), jobClass: try row.decode("job_class"), queue: try row.decode("queue_name"),
            priority: try row.decode("priority"), state: JobState(rawValue: try row.decode("state")) ?? .queued,
            createdAt: try row.decode("created_at"), scheduledAt: try row.decode("scheduled_at"),
            performedAt: try row.decode("performed_at"), finishedAt: try row.decode("finished_at"),
            attempts: try row.decode("attempts"), labels: try row.decode("labels"),
            labelCount: try row.decode("label_count"), error: try row.decode("error"),
            errorLength: try row.decode("error_length"), errorEvent: try Self.errorEvent(row), concurrencyKey: try row.decode("concurrency_key"),
            cronKey: try row.decode("cron_key"), lockedByProcess: try row.decode("locked_by_id"),
            advisoryLocked: try row.decode("advisory_locked"), arguments: try row.decode("arguments"),
            executions: try executions.map {
                JobDetail.Execution(
                    id: try $0.decode("id"), startedAt: try $0.decode("created_at"),
                    scheduledAt: try $0.decode("scheduled_at"), finishedAt: try $0.decode("finished_at"),
                    duration: try $0.decode("duration"), error: try $0.decode("error"),
                    errorLength: try $0.decode("error_length"), errorEvent: try Self.errorEvent($0), processID: try $0.decode("process_id"),
                    backtrace: try $0.decode("backtrace"), backtraceLineCount: try $0.decode("line_count"))
            },
            executionCount: try row.decode("execution_count"), argumentsLength: try row.decode("arguments_length"),
            payloadProblem: JobDetail.payloadProblem(kind: try row.decode("params_kind"),
                                                     hasArguments: try row.decode("has_arguments"),
                                                     excerpt: try row.decode("params_excerpt")))
    }

    /// The state's row predicate (GoodJob's scope; `$1` = now), the column its list is ordered by, and
    /// whether newest first. Each row still shows its own badge (`stateCase`), which for a job retried
    /// once (listed under scheduled) says retried.
    static func statePredicate(_ state: JobState, byBadge: Bool = false) -> (String, String, Bool) {
        let scope = byBadge ? MonitorSQL.badgePredicate(state) : MonitorSQL.stateScope(state)
        return switch state {
        case .queued: (scope, "coalesce(scheduled_at, created_at)", false)
        case .scheduled, .retried: (scope, "scheduled_at", false)
        case .running: (scope + " AND $1::timestamp IS NOT NULL", "performed_at", false)
        case .succeeded, .discarded: (scope + " AND $1::timestamp IS NOT NULL", "finished_at",
                                      JobListScope.newestFirstByDefault(state))
        }
    }

    /// The row's `error_event`; nil when NULL or a value this build does not know.
    static func errorEvent(_ row: PostgresRow) throws -> ErrorEvent? {
        try row.decode("error_event", as: Int?.self).flatMap(ErrorEvent.init(rawValue:))
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
