import GafferEngine

extension GafferApp {
    /// The app's entries with `GOOD_JOB_CRON`'s added; an entry of the variable replaces the
    /// app's entry with the same key. A malformed variable is a usage error naming it.
    func cronEntries(environment: [String: String]) throws -> [CronEntry] {
        guard let text = environment["GOOD_JOB_CRON"], !text.trimmingSpaces.isEmpty else { return cron }
        let extra: [CronEntry]
        do {
            extra = try CronEntry.parseGoodJobCron(text)
        } catch {
            throw CLIError.usage("GOOD_JOB_CRON: \(error)")
        }
        let replaced = Set(extra.map(\.key))
        return cron.filter { !replaced.contains($0.key) } + extra
    }
}
