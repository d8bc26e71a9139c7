import Foundation
import GafferEngine
import Postgres

/// A demo that `gaffer demo` runs: its job set, cron table, settings and data.
///
/// The stock `gaffer` binary supplies one (`GafferDemo`); the command library does not link it, so an
/// app's own binary carries no demo job types unless it passes one to `GafferApp(demo:)`.
public protocol DemoProgram: Sendable {
    static var jobs: [any Job.Type] { get }
    static var cron: [CronEntry] { get }
    static var settings: WorkerConfiguration { get }
    /// The queues its jobs use, for the start-up line.
    static var queues: [String] { get }
    /// A job the database holds that the demo did not create (its class, or a description), or nil.
    /// Called before anything is written: the demo refuses such a database.
    static func foreignJob(_ db: PostgresConnection) async throws -> String?
    /// Creates and seeds the demo's own tables (all of it again with `reset`); returns whether it seeded.
    static func prepare(_ db: PostgresConnection, reset: Bool) async throws -> Bool
    /// Enqueues the demo's opening jobs; returns how many.
    static func kickOff(_ client: GafferClient, now: Date) async throws -> Int
}
