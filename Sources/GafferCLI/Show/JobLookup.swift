import Foundation
import GafferCore
import GafferMonitorModel
import GafferStore
import Postgres

/// Finds the one job an id or id prefix typed on the command line names, with the errors `gaffer show` prints.
enum JobLookup {
    /// How many matches an ambiguous prefix lists.
    static let listed = 3

    /// The prefix `text` spells; a usage error naming it when it is not hex digits.
    static func prefix(_ text: String) throws -> JobIDPrefix {
        guard let prefix = JobIDPrefix(text) else {
            throw CLIError.usage(Messages.notAnID(text))
        }
        return prefix
    }

    /// The id of the only job starting with `prefix`: a runtime error when none does, a usage error
    /// listing a few when several do.
    static func one(_ prefix: JobIDPrefix, typed text: String, on db: PostgresConnection) async throws -> UUID {
        let ids = try await MonitorQueries.jobIDs(db, prefix: prefix, limit: listed + 1)
        switch ids.count {
        case 0: throw CLIError.runtime(notFound(text))
        case 1: return ids[0]
        default: throw CLIError.usage(Messages.ambiguous(text, ids, listed: listed))
        }
    }

    static func notFound(_ text: String) -> String { Messages.noJob(text) }

    /// The command line's texts about finding a job.
    enum Messages {
        static func notAnID(_ text: String) -> String {
            "job id \"\(OneLineText.make(text, limit: 40))\" is not a job id or id prefix; give hex digits, like 0d8f4b7e"
        }

        static func noJob(_ text: String) -> String {
            "no job id starts with \"\(OneLineText.make(text, limit: 40))\"; `status` and the screen list ids"
        }

        static func ambiguous(_ text: String, _ ids: [UUID], listed: Int) -> String {
            let shown = ids.prefix(listed).map { $0.uuidString.lowercased() }.joined(separator: ", ")
            let more = ids.count > listed ? ", …" : ""
            return "job id prefix \"\(OneLineText.make(text, limit: 40))\" matches several jobs (\(shown)\(more)); give more characters"
        }
    }
}
