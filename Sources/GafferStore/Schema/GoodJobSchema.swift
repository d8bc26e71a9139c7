/// GoodJob v4.19.2's five tables and their indexes, as its install migration creates them.
///
/// This is the contract's §1 as data: migrate creates exactly this on an empty database and
/// compares an existing one against it. No table has a default besides `id`; GoodJob fills
/// every other value in application code, and so do we.
public enum GoodJobSchema {
    public struct Column: Sendable, Hashable {
        public let name: String
        /// The type as `information_schema`/`format_type` spell it.
        public let type: String
        public let notNull: Bool
        /// Added by a GoodJob update migration, so an older Rails app may lack it.
        public let addedLater: Bool

        init(_ name: String, _ type: String, notNull: Bool = false, addedLater: Bool = false) {
            self.name = name
            self.type = type
            self.notNull = notNull
            self.addedLater = addedLater
        }

        var ddl: String {
            if name == "id" { return "id uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY" }
            return "\(name) \(type)" + (notNull ? " NOT NULL" : "")
        }
    }

    public struct Table: Sendable {
        public let name: String
        public let columns: [Column]

        var createStatement: String {
            "CREATE TABLE \(name) (\n  " + columns.map(\.ddl).joined(separator: ",\n  ") + "\n)"
        }
    }

    public struct Index: Sendable, Hashable {
        public let name: String
        public let table: String
        /// Everything after `ON table`: method, columns and predicate.
        public let definition: String
        public let unique: Bool
        public let addedLater: Bool

        init(_ name: String, _ table: String, _ definition: String, unique: Bool = false, addedLater: Bool = false) {
            self.name = name
            self.table = table
            self.definition = definition
            self.unique = unique
            self.addedLater = addedLater
        }

        var createStatement: String {
            "CREATE \(unique ? "UNIQUE " : "")INDEX \(name) ON \(table) \(definition)"
        }
    }

    static let timestamp = "timestamp(6) without time zone"

    public static let tables: [Table] = [
        Table(name: "good_jobs", columns: [
            Column("id", "uuid", notNull: true),
            Column("queue_name", "text"),
            Column("priority", "integer"),
            Column("serialized_params", "jsonb"),
            Column("scheduled_at", timestamp),
            Column("performed_at", timestamp),
            Column("finished_at", timestamp),
            Column("error", "text"),
            Column("created_at", timestamp, notNull: true),
            Column("updated_at", timestamp, notNull: true),
            Column("active_job_id", "uuid"),
            Column("concurrency_key", "text"),
            Column("cron_key", "text"),
            Column("retried_good_job_id", "uuid"),
            Column("cron_at", timestamp),
            Column("batch_id", "uuid", addedLater: true),
            Column("batch_callback_id", "uuid", addedLater: true),
            Column("is_discrete", "boolean"),
            Column("executions_count", "integer", addedLater: true),
            Column("job_class", "text", addedLater: true),
            Column("error_event", "smallint", addedLater: true),
            Column("labels", "text[]", addedLater: true),
            Column("locked_by_id", "uuid", addedLater: true),
            Column("locked_at", timestamp, addedLater: true),
            Column("lock_type", "smallint", addedLater: true),
        ]),
        Table(name: "good_job_executions", columns: [
            Column("id", "uuid", notNull: true),
            Column("created_at", timestamp, notNull: true),
            Column("updated_at", timestamp, notNull: true),
            Column("active_job_id", "uuid", notNull: true),
            Column("job_class", "text"),
            Column("queue_name", "text"),
            Column("serialized_params", "jsonb"),
            Column("scheduled_at", timestamp),
            Column("finished_at", timestamp),
            Column("error", "text"),
            Column("error_event", "smallint", addedLater: true),
            Column("error_backtrace", "text[]", addedLater: true),
            Column("process_id", "uuid", addedLater: true),
            Column("duration", "interval", addedLater: true),
        ]),
        Table(name: "good_job_processes", columns: [
            Column("id", "uuid", notNull: true),
            Column("created_at", timestamp, notNull: true),
            Column("updated_at", timestamp, notNull: true),
            Column("state", "jsonb"),
            Column("lock_type", "smallint", addedLater: true),
        ]),
        Table(name: "good_job_settings", columns: [
            Column("id", "uuid", notNull: true),
            Column("created_at", timestamp, notNull: true),
            Column("updated_at", timestamp, notNull: true),
            Column("key", "text"),
            Column("value", "jsonb"),
        ]),
        Table(name: "good_job_batches", columns: [
            Column("id", "uuid", notNull: true),
            Column("created_at", timestamp, notNull: true),
            Column("updated_at", timestamp, notNull: true),
            Column("description", "text"),
            Column("serialized_properties", "jsonb"),
            Column("on_finish", "text"),
            Column("on_success", "text"),
            Column("on_discard", "text"),
            Column("callback_queue_name", "text"),
            Column("callback_priority", "integer"),
            Column("enqueued_at", timestamp),
            Column("discarded_at", timestamp),
            Column("finished_at", timestamp),
            Column("jobs_finished_at", timestamp, addedLater: true),
        ]),
    ]

    public static let indexes: [Index] = [
        Index("index_good_jobs_on_scheduled_at", "good_jobs", "(scheduled_at) WHERE finished_at IS NULL"),
        Index("index_good_jobs_on_queue_name_and_scheduled_at", "good_jobs", "(queue_name, scheduled_at) WHERE finished_at IS NULL"),
        Index("index_good_jobs_on_active_job_id_and_created_at", "good_jobs", "(active_job_id, created_at)"),
        Index("index_good_jobs_on_concurrency_key_when_unfinished", "good_jobs", "(concurrency_key) WHERE finished_at IS NULL"),
        Index("index_good_jobs_on_concurrency_key_and_created_at", "good_jobs", "(concurrency_key, created_at)", addedLater: true),
        Index("index_good_jobs_on_cron_key_and_created_at_cond", "good_jobs", "(cron_key, created_at) WHERE cron_key IS NOT NULL"),
        Index("index_good_jobs_on_cron_key_and_cron_at_cond", "good_jobs", "(cron_key, cron_at) WHERE cron_key IS NOT NULL", unique: true),
        Index("index_good_jobs_jobs_on_finished_at_only", "good_jobs", "(finished_at) WHERE finished_at IS NOT NULL", addedLater: true),
        Index("index_good_jobs_jobs_on_priority_created_at_when_unfinished", "good_jobs", "(priority DESC NULLS LAST, created_at) WHERE finished_at IS NULL"),
        Index("index_good_job_jobs_for_candidate_lookup", "good_jobs", "(priority, created_at) WHERE finished_at IS NULL", addedLater: true),
        Index("index_good_jobs_on_batch_id", "good_jobs", "(batch_id) WHERE batch_id IS NOT NULL", addedLater: true),
        Index("index_good_jobs_on_batch_callback_id", "good_jobs", "(batch_callback_id) WHERE batch_callback_id IS NOT NULL", addedLater: true),
        Index("index_good_jobs_on_job_class", "good_jobs", "(job_class)", addedLater: true),
        Index("index_good_jobs_on_labels", "good_jobs", "USING gin (labels) WHERE labels IS NOT NULL", addedLater: true),
        Index("index_good_jobs_on_priority_scheduled_at_unfinished_unlocked", "good_jobs", "(priority, scheduled_at) WHERE finished_at IS NULL AND locked_by_id IS NULL", addedLater: true),
        Index("index_good_jobs_on_priority_scheduled_at_unfinished", "good_jobs", "(priority, scheduled_at, id) WHERE finished_at IS NULL", addedLater: true),
        Index("index_good_jobs_on_queue_name_priority_scheduled_at_unfinished", "good_jobs", "(queue_name, scheduled_at, id) WHERE finished_at IS NULL", addedLater: true),
        Index("index_good_jobs_on_locked_by_id", "good_jobs", "(locked_by_id) WHERE locked_by_id IS NOT NULL", addedLater: true),
        Index("index_good_jobs_for_candidate_dequeue_unlocked", "good_jobs", "(priority, scheduled_at, id) WHERE finished_at IS NULL AND locked_by_id IS NULL", addedLater: true),
        Index("index_good_jobs_on_queue_name", "good_jobs", "(queue_name)", addedLater: true),
        Index("index_good_jobs_on_created_at", "good_jobs", "(created_at)", addedLater: true),
        Index("index_good_jobs_on_discarded", "good_jobs", "(finished_at DESC) WHERE finished_at IS NOT NULL AND error IS NOT NULL", addedLater: true),
        Index("index_good_jobs_on_scheduled_at_and_queue_name", "good_jobs", "(scheduled_at, queue_name)", addedLater: true),
        Index("index_good_jobs_on_unfinished_or_errored", "good_jobs", "(id) WHERE finished_at IS NULL OR error IS NOT NULL", addedLater: true),
        Index("index_good_job_executions_on_active_job_id_and_created_at", "good_job_executions", "(active_job_id, created_at)", addedLater: true),
        Index("index_good_job_executions_on_process_id_and_created_at", "good_job_executions", "(process_id, created_at)", addedLater: true),
        Index("index_good_job_settings_on_key", "good_job_settings", "(key)", unique: true, addedLater: true),
    ]
}
