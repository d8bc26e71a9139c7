#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Active Job's serialization of one job (`good_jobs.serialized_params`), Rails ≥ 7.1 shape.
///
/// `json` writes the keys in Rails' order (job_class … scheduled_at) followed by any other keys
/// the payload was read with (`extras`, e.g. GoodJob's `good_job_notify` or an app's own), so a
/// payload Rails wrote is written back byte for byte. Absent well-known keys read as their
/// defaults and are written out; only Rails < 7.1 omits any (`scheduled_at`).
public struct ActiveJobPayload: Sendable, Hashable {
    /// Ruby class name of the job, e.g. `SocialMediaPublicationsDailyUpdaterJob`.
    public var jobClass: String
    /// Active Job's id (a lower-case UUID), equal to `good_jobs.id`.
    public var jobID: String
    public var providerJobID: String?
    public var queueName: String?
    /// Active Job's priority; nil even when the row's column says 0.
    public var priority: Int?
    public var arguments: JobArguments
    /// Attempts before the current one (Active Job's `executions`).
    public var executions: Int
    public var exceptionExecutions: ExceptionExecutions
    public var locale: String?
    public var timezone: String?
    public var enqueuedAt: JobTimestamp?
    public var scheduledAt: JobTimestamp?
    /// Keys Active Job does not define, in the order they were read.
    public var extras: JSONObject

    /// A payload for a job Gaffer enqueues: no attempts yet, Rails' defaults for the rest.
    public init(
        jobClass: String,
        jobID: UUID,
        queueName: String,
        priority: Int? = nil,
        arguments: JobArguments = [],
        enqueuedAt: Date,
        scheduledAt: Date? = nil,
        locale: String = "en",
        timezone: String = "UTC"
    ) {
        self.jobClass = jobClass
        self.jobID = jobID.uuidString.lowercased()
        self.providerJobID = nil
        self.queueName = queueName
        self.priority = priority
        self.arguments = arguments
        self.executions = 0
        self.exceptionExecutions = ExceptionExecutions()
        self.locale = locale
        self.timezone = timezone
        self.enqueuedAt = JobTimestamp(enqueuedAt)
        self.scheduledAt = scheduledAt.map(JobTimestamp.init)
        self.extras = JSONObject()
    }

    /// The job id as a UUID, if it is one.
    public var jobUUID: UUID? {
        UUID(uuidString: jobID)
    }

    // MARK: - Serialized form

    static let knownKeys: Set<String> = [
        "job_class", "job_id", "provider_job_id", "queue_name", "priority", "arguments", "executions",
        "exception_executions", "locale", "timezone", "enqueued_at", "scheduled_at",
    ]

    /// Reads a `serialized_params` document.
    public init(json: JSONValue) throws(ActiveJobPayloadError) {
        guard let object = json.objectValue else {
            throw ActiveJobPayloadError(.notAnObject(found: json))
        }
        let reader = Reader(object: object)
        jobClass = try reader.requiredString("job_class")
        jobID = try reader.requiredString("job_id")
        providerJobID = try reader.optionalString("provider_job_id")
        queueName = try reader.optionalString("queue_name")
        priority = try reader.optionalInt("priority")
        guard let argumentsJSON = object["arguments"] else {
            throw ActiveJobPayloadError(.missingKey("arguments"))
        }
        arguments = try JobArguments(json: argumentsJSON)
        executions = try reader.optionalInt("executions") ?? 0
        exceptionExecutions = try ExceptionExecutions(json: object["exception_executions"] ?? .null)
        locale = try reader.optionalString("locale")
        timezone = try reader.optionalString("timezone")
        enqueuedAt = try reader.optionalTime("enqueued_at")
        scheduledAt = try reader.optionalTime("scheduled_at")
        extras = JSONObject(object.entries.filter { !Self.knownKeys.contains($0.key) })
    }

    /// The document Active Job's `serialize` writes, keys in Rails' order, then `extras`.
    public var json: JSONValue {
        var members: [JSONObject.Entry] = [
            .init(key: "job_class", value: .string(jobClass)),
            .init(key: "job_id", value: .string(jobID)),
            .init(key: "provider_job_id", value: providerJobID.map(JSONValue.string) ?? .null),
            .init(key: "queue_name", value: queueName.map(JSONValue.string) ?? .null),
            .init(key: "priority", value: priority.map { .int(Int64($0)) } ?? .null),
            .init(key: "arguments", value: arguments.json),
            .init(key: "executions", value: .int(Int64(executions))),
            .init(key: "exception_executions", value: exceptionExecutions.json),
            .init(key: "locale", value: locale.map(JSONValue.string) ?? .null),
            .init(key: "timezone", value: timezone.map(JSONValue.string) ?? .null),
            .init(key: "enqueued_at", value: enqueuedAt.map { .string($0.iso8601) } ?? .null),
            .init(key: "scheduled_at", value: scheduledAt.map { .string($0.iso8601) } ?? .null),
        ]
        members.append(contentsOf: extras.entries.filter { !Self.knownKeys.contains($0.key) })
        return .object(JSONObject(members))
    }

    /// Typed reads of one payload object, throwing errors that name the key.
    private struct Reader {
        let object: JSONObject

        func requiredString(_ key: String) throws(ActiveJobPayloadError) -> String {
            guard let value = object[key], !value.isNull else { throw ActiveJobPayloadError(.missingKey(key)) }
            guard let text = value.stringValue else {
                throw ActiveJobPayloadError(.wrongType(key: key, expected: "a string", found: value))
            }
            return text
        }

        func optionalString(_ key: String) throws(ActiveJobPayloadError) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let text = value.stringValue else {
                throw ActiveJobPayloadError(.wrongType(key: key, expected: "a string or null", found: value))
            }
            return text
        }

        func optionalInt(_ key: String) throws(ActiveJobPayloadError) -> Int? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let number = value.intValue else {
                throw ActiveJobPayloadError(.wrongType(key: key, expected: "an integer or null", found: value))
            }
            return number
        }

        func optionalTime(_ key: String) throws(ActiveJobPayloadError) -> JobTimestamp? {
            guard let text = try optionalString(key) else { return nil }
            guard let time = JobTimestamp(iso8601: text) else {
                throw ActiveJobPayloadError(.invalidTime(key: key, text: text))
            }
            return time
        }
    }
}
