import Foundation
import GafferCore
import GafferCron
import GafferEngine
import GafferMonitorModel
import GafferStore

/// `gaffer status --json`: one object whose keys the README documents (a test holds them equal).
extension StatusReport {
    var json: JSONValue {
        .object([
            "generated_at": Self.time(generatedAt),
            "version": .string(GafferVersion.current),
            "database": .string(database),
            "queues": .array(queues.map { Self.queueJSON($0, now: generatedAt) }),
            "totals": Self.queueJSON(totals, now: generatedAt, named: false),
            "discarded_capped": .bool(discardedCapped),
            "counts_estimated": .bool(countsEstimated),
            "processes": .array(processes.map(Self.processJSON)),
            "failures": .array(failures.map(Self.failureJSON)),
            "cron": .array(cron.map(Self.cronJSON)),
            "limits": .array(limits.map(Self.limitJSON)),
            "paused": .object([
                "queues": .array(paused.pausedQueues.map(JSONValue.string)),
                "job_classes": .array(paused.pausedJobClasses.map(JSONValue.string)),
                "labels": .array(paused.pausedLabels.map(JSONValue.string)),
            ]),
            "batches": .array(batches.map(Self.batchJSON)),
            "replica": replica.map { lag in
                .object(["standby": .bool(lag.isStandby), "lag_seconds": .double((lag.seconds * 1000).rounded() / 1000),
                         "lag_bytes": .int(lag.bytes)])
            } ?? .null,
        ])
    }

    static func queueJSON(_ row: QueueRow, now: Date, named: Bool = true) -> JSONValue {
        var entries: [JSONObject.Entry] = named ? [.init(key: "name", value: .string(row.name))] : []
        let fields: [(String, JSONValue)] = [
            ("queued", .int(Int64(row.queued))), ("scheduled", .int(Int64(row.scheduled))),
            ("running", .int(Int64(row.running))), ("retried", .int(Int64(row.retried))),
            ("discarded", .int(Int64(row.discarded))), ("succeeded_last_hour", .int(Int64(row.succeededLastHour))),
            ("discarded_last_hour", .int(Int64(row.discardedLastHour))),
            ("oldest_ready_at", time(row.oldestReadyAt)),
            ("latency_seconds", row.oldestReadyAt.map { .double(max(0, (now.timeIntervalSince($0) * 1000).rounded() / 1000)) } ?? .null),
        ]
        entries += fields.map { JSONObject.Entry(key: $0.0, value: $0.1) }
        return .object(JSONObject(entries))
    }

    static func processJSON(_ process: ProcessRecord) -> JSONValue {
        .object([
            "id": .string(process.id.uuidString.lowercased()),
            "hostname": .string(process.hostname),
            "pid": process.pid.map { .int(Int64($0)) } ?? .null,
            "queues": .string(process.pools),
            "max_threads": .int(Int64(process.maxThreads)),
            "active_threads": .int(Int64(process.activeThreads)),
            "memory_kib": process.memoryKiB.map { .int(Int64($0)) } ?? .null,
            "started_at": time(process.startedAt),
            "heartbeat_at": time(process.heartbeatAt),
            "active": .bool(process.isActive),
        ])
    }

    static func failureJSON(_ group: FailureGroup) -> JSONValue {
        .object([
            "error_class": .string(group.errorClass),
            "job_class": .string(group.jobClass),
            "kind": .string(group.kind.rawValue),
            "last_hour": .int(Int64(group.lastHour)),
            "last_day": .int(Int64(group.lastDay)),
            "latest_at": time(group.latestAt),
            "latest_job_id": .string(group.latestJobID.uuidString.lowercased()),
            "first_app_frame": group.firstFrame.map(JSONValue.string) ?? .null,
            "estimate": .bool(group.isEstimate),
            "sampled": group.sampled.map { .int(Int64($0)) } ?? .null,
        ])
    }

    static func cronJSON(_ row: CronRow) -> JSONValue {
        .object([
            "cron_key": .string(row.key),
            "job_class": row.jobClass.isEmpty ? .null : .string(row.jobClass),
            "schedule": row.schedule.map(JSONValue.string) ?? .null,
            "enabled": row.enabled.map(JSONValue.bool) ?? .null,
            "last_cron_at": time(row.lastCronAt),
            "last_state": row.lastState.map(JSONValue.string) ?? .null,
            "last_job_id": row.lastJobID.map { .string($0.uuidString.lowercased()) } ?? .null,
            "next_at": time(row.nextAt),
        ])
    }

    static func limitJSON(_ state: ConcurrencyLimitState) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
        return .object([
            "key": .string(state.key),
            "rule": state.rule.isEmpty ? .null : .string(state.rule),
            "running": .int(Int64(state.inUse)),
            "limit": int(state.limit),
            "waiting": .int(Int64(state.waiting)),
            "window_count": int(state.windowCount),
            "window_limit": int(state.windowLimit),
            "next_free_at": time(state.nextFree),
            "throttled": .bool(state.isThrottled),
            "recent_deferrals": .int(Int64(state.recentDeferrals)),
        ])
    }

    static func batchJSON(_ batch: BatchSummary) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            "id": .string(batch.id.uuidString.lowercased()),
            "description": text(batch.description),
            "state": .string(batch.state.rawValue),
            "jobs": .int(Int64(batch.jobs)),
            "jobs_finished": .int(Int64(batch.jobsFinished)),
            "jobs_discarded": .int(Int64(batch.jobsDiscarded)),
            "callbacks": .int(Int64(batch.callbacks)),
            "callbacks_finished": .int(Int64(batch.callbacksFinished)),
            "on_discard": text(batch.onDiscard),
            "on_success": text(batch.onSuccess),
            "on_finish": text(batch.onFinish),
            "callback_queue_name": text(batch.callbackQueueName),
            "callback_priority": batch.callbackPriority.map { .int(Int64($0)) } ?? .null,
            "created_at": time(batch.createdAt),
            "enqueued_at": time(batch.enqueuedAt),
            "discarded_at": time(batch.discardedAt),
            "jobs_finished_at": time(batch.jobsFinishedAt),
            "finished_at": time(batch.finishedAt),
        ])
    }

    /// `2026-07-20T12:00:00.123Z`, or null.
    static func time(_ date: Date?) -> JSONValue {
        guard let date else { return .null }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return .string(formatter.string(from: date))
    }
}
