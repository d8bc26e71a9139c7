import ArgumentParser
import Foundation
import GafferCore
import GafferEngine
import GafferMonitor
import GafferStore
import Postgres
import TerminalKit

/// The cron key `cron enable|disable|run` names, found among the app's entries and the keys the database knows.
struct CronKeyArgument: ParsableArguments {
    @Argument(help: "A cron key, as `gaffer cron list` shows it.")
    var key: String

    func validate() throws {
        if key.trimmingSpaces.isEmpty { throw ValidationError(Messages.empty) }
    }

    /// Where the key is known.
    enum Found {
        /// The app declares it: its schedule, class and arguments are here.
        case declared(CronEntry)
        /// Only job rows or the enable/disable settings name it (another app's entry, e.g. Rails').
        case seenOnly
    }

    /// Finds the key; a runtime error naming it, and a close key if there is one, when nothing knows it.
    func find(in entries: [CronEntry], on db: PostgresConnection) async throws -> Found {
        if let entry = entries.first(where: { $0.key == key }) { return .declared(entry) }
        if try await CronKeyLookup.isSeen(db, key: key) { return .seenOnly }
        let settings = try await MonitorQueries.settings(db)
        let known = entries.map(\.key) + (try await MonitorQueries.cronEntries(db, now: Date())).map(\.key)
            + settings.cronKeysEnabled + settings.cronKeysDisabled
        throw CLIError.runtime(Messages.unknown(key, app: GafferApp.current.name, closest: Suggestion.closest(to: key, in: known)))
    }

    /// The command line's texts about cron keys.
    enum Messages {
        static let empty = "the cron key is empty; `gaffer cron list` shows the keys"

        static func shown(_ key: String) -> String { "\"\(OneLineText.make(key, limit: 60))\"" }

        static func unknown(_ key: String, app: String, closest: String?) -> String {
            let hint = closest.map { "did you mean \(shown($0))? " } ?? ""
            return "no cron key \(shown(key)): \(app) declares none and no job or setting in the database has it; "
                + "\(hint)`\(app) cron list` shows the keys"
        }

        static func notDeclared(_ key: String, app: String) -> String {
            "cron key \(shown(key)) is seen only in the database, not declared by \(app), so \(app) cannot build its job; "
                + "enqueue it from the app that declares it (e.g. GoodJob's dashboard)"
        }
    }
}

extension CronKeyArgument {
    /// Writes `good_job_settings` as the dashboard does (contract §8) and says what it means.
    func setEnabled(_ enabled: Bool, database: DatabaseOptions) async throws {
        try await reportingErrors {
            let app = GafferApp.current
            let entries = try app.cronEntries(environment: ProcessInfo.processInfo.environment)
            try await database.withConnection { db in
                _ = try await find(in: entries, on: db)
                try await MonitorActions(connection: db).writeCronEnabled(key, enabled: enabled)
            }
            let shown = Messages.shown(key)
            Terminal.line(enabled
                ? "enabled cron key \(shown): cron processes enqueue it from its next fire"
                : "disabled cron key \(shown): cron processes skip its fires until it is enabled; enqueued jobs still run")
        }
    }
}
