import ArgumentParser
import Foundation
import GafferCore
import GafferEngine

/// `gaffer enqueue CLASS [--args JSON] [--queue Q] [--priority N] [--at TIME | --in SECONDS]`.
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Enqueue one job, written exactly as Rails' perform_later writes it.",
        discussion: """
            --args is a JSON array of positional arguments in Active Job's serialized form, or a JSON object of \
            keyword arguments. When CLASS is one of this app's job types its arguments are checked and its default \
            queue and priority apply; any other class is enqueued as given, for whichever worker (a Rails one) \
            serves it. Prints the new job's id.

            Example:
              gaffer enqueue ManualSyncMediaCommentCounterJob --args '[42]' --in 60
              gaffer enqueue ReportMailerJob --args '{"user_id": 7}' --queue mailers
              gaffer enqueue SocialMediaAccountUpdaterJob --at '2026-07-20 06:00'
            """)

    @Argument(help: "The job class as Rails names it, e.g. SocialMediaAccountUpdaterJob.")
    var jobClass: String

    @Option(help: "Arguments: a JSON array (positional) or object (keywords). Default: none.")
    var args: String?

    @Option(help: "Queue (default: the job type's queue, else \"default\").")
    var queue: String?

    @Option(parsing: .unconditional, help: "Priority; smaller runs first (default: the job type's, else 0).",
            transform: NumberInput.priority.intTransform("--priority"))
    var priority: Int?

    @Option(help: "Run at this time: ISO 8601, \"YYYY-MM-DD HH:MM\" (UTC) or now.")
    var at: String?

    @Option(name: .customLong("in"), parsing: .unconditional, help: "Run this many seconds from now.",
            transform: NumberInput.delay.doubleTransform("--in"))
    var delay: Double?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard jobClass.wholeMatch(of: /[A-Z][A-Za-z0-9_]*(::[A-Z][A-Za-z0-9_]*)*/) != nil else {
            throw ValidationError("job class \"\(jobClass)\" is not a Ruby class name; write it as Rails does, e.g. SocialMediaAccountUpdaterJob")
        }
        if at != nil && delay != nil { throw ValidationError("give --at or --in, not both") }
        if let queue, queue.isEmpty { throw ValidationError("--queue: the queue name is empty") }
    }

    func run() async throws {
        try await reportingErrors {
            let arguments = try parseArguments()
            let type = GafferApp.current.registry.type(named: jobClass)
            if let type {
                do {
                    _ = try type.init(arguments: arguments)
                } catch {
                    throw CLIError.usage("--args do not fit \(jobClass): \(error); pass what its init(arguments:) reads")
                }
            }
            let options = EnqueueOptions(queue: queue, priority: priority,
                                         at: try at.map { try TimeArgument.parse($0, option: "--at", now: Date()) },
                                         delay: delay)
            let ids = try await database.withConnection { db in
                try await GafferClient(connection: db).enqueue(className: jobClass, arguments: arguments, defaults: type, options)
            }
            if type == nil {
                Terminal.note("\(jobClass) is not one of this app's job types; enqueued for whichever worker serves it")
            }
            ids.forEach { Terminal.line($0.uuidString.lowercased()) }
        }
    }

    /// `--args` as Active Job arguments: an array is the serialized `arguments` array, an object
    /// is keyword arguments.
    func parseArguments() throws -> JobArguments {
        guard let args else { return [] }
        let json: JSONValue
        do {
            json = try JSONValue.parse(args)
        } catch {
            throw CLIError.usage("--args: \(error); pass a JSON array like '[1, \"a\"]' or an object like '{\"force\": true}'")
        }
        if json.containsNUL {
            throw CLIError.usage("--args: a string holds \\u0000, which PostgreSQL cannot store; remove it")
        }
        switch json {
        case .array:
            return try JobArguments(json: json)
        case .object(let object):
            return JobArguments(positional: [], keywords: object.entries.map {
                JobArguments.Keyword(name: $0.key, value: ArgumentValue(json: $0.value))
            })
        default:
            throw CLIError.usage("--args: found \(json.kindName); pass a JSON array like '[1, \"a\"]' or an object like '{\"force\": true}'")
        }
    }
}
