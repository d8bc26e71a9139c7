import Foundation
import GafferEngine
import GafferMonitor

extension CronRunner {
    /// Enqueues `entries` now as the engine's cron does at a fire, with the registry's job-type defaults.
    public static func entries(_ entries: [CronEntry], registry: JobRegistry) -> CronRunner {
        let byKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        return CronRunner(keys: Set(byKey.keys)) { key, db, now in
            guard let entry = byKey[key] else { return nil }
            return try await CronEnqueuer.enqueueNow(entry, db, registry: registry, now: now)
        }
    }
}
