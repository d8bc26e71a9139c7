import Foundation
import GafferEngine
import GafferStore
import GafferTestSupport
import Postgres
import Testing
@testable import GafferDemo

@Suite("demo data")
struct DemoDataTests {
    @Test func theBadPublicationLinksAreRefusedAndTheGoodOnesPass() {
        for url in DemoSeed.badPublications.values { #expect(!PublicationSync.isValidURL(url), "\(url)") }
        #expect(PublicationSync.isValidURL("https://instagram.example/p/12"))
    }

    @Test func simulatedFailuresAreTheSameOnEveryRun() {
        var first = DemoRandom("media/12", 12, 1)
        var second = DemoRandom("media/12", 12, 1)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        var thisAttempt = DemoRandom("media/12", 12, 1)
        var nextAttempt = DemoRandom("media/12", 12, 2)
        #expect(thisAttempt.unit() != nextAttempt.unit())
        #expect(SocialMediaAPI.commentCount(40) == SocialMediaAPI.commentCount(40))
        #expect(SocialMediaAPI.isRemoved(7) && !SocialMediaAPI.isRemoved(8))
    }

    @Test func prepareSeedsOnceAndResetRemovesOnlyTheDemosJobs() async throws {
        let db = try await TestServer.freshConnection("demo")
        try await Migrator.migrate(db)
        #expect(try await SocialMediaDemo.prepare(db, reset: false))
        #expect(try await Self.count(db, "SELECT count(*) FROM gaffer_demo.social_media_publications") == DemoSeed.publicationCount)
        #expect(try await !SocialMediaDemo.prepare(db, reset: false))
        #expect(try await Self.count(db, "SELECT count(*) FROM gaffer_demo.social_media_publications") == DemoSeed.publicationCount)

        let client = GafferClient(connection: db)
        let enqueued = try await SocialMediaDemo.kickOff(client, now: Date())
        #expect(try await Self.count(db, "SELECT count(*) FROM good_jobs") == enqueued)
        #expect(try await Self.count(db, "SELECT count(*) FROM good_jobs WHERE cron_key IS NOT NULL") == 2)
        try await client.enqueue(className: "SomeRailsJob", arguments: [])

        #expect(try await SocialMediaDemo.prepare(db, reset: true))
        #expect(try await Self.count(db, "SELECT count(*) FROM good_jobs") == 1)
        #expect(try await Self.count(db, "SELECT count(*) FROM good_jobs WHERE job_class = 'SomeRailsJob'") == 1)
    }

    static func count(_ db: PostgresConnection, _ sql: String) async throws -> Int {
        try await db.query(sql).first?.decode(0, as: Int.self) ?? -1
    }
}
