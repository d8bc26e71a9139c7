import Foundation
import GafferCore
import GafferEngine
import Testing

@Suite("GOOD_JOB_CRON is read as GoodJob reads it")
struct CronConfigTests {
    @Test func readsEntriesInOrderWithRubyArguments() throws {
        let entries = try CronEntry.parseGoodJobCron("""
            {"publication_daily_sync": {"cron": "0 3 * * *", "class": "SocialMediaPublicationDailySyncJob",
                                        "description": "fans out one job per publication"},
             "account_updater": {"cron": "0 0 1 1 * Europe/Madrid", "class": "AccountUpdaterJob",
                                 "args": [42, {"force": true}], "kwargs": {"dry_run": false},
                                 "set": {"queue": "low", "priority": 10, "wait": 30, "good_job_labels": ["accounts"]},
                                 "enabled_by_default": false}}
            """)
        #expect(entries.map(\.key) == ["publication_daily_sync", "account_updater"])
        let daily = entries[0]
        #expect(daily.schedule.description == "0 3 * * *")
        #expect(daily.jobClass == "SocialMediaPublicationDailySyncJob")
        #expect(daily.arguments.json.serialized() == "[]")
        #expect(daily.description == "fans out one job per publication")
        #expect(daily.enabledByDefault)
        let yearly = entries[1]
        #expect(yearly.scheduleText == "0 0 1 1 * Europe/Madrid")
        #expect(yearly.schedule.timeZone.identifier == "Europe/Madrid")
        // symbolize_names: true makes the hash Symbol-keyed and kwargs keyword arguments.
        #expect(yearly.arguments.json.serialized()
            == #"[42,{"force":true,"_aj_symbol_keys":["force"]},{"dry_run":false,"_aj_ruby2_keywords":["dry_run"]}]"#)
        #expect(yearly.queue == "low")
        #expect(yearly.priority == 10)
        #expect(yearly.wait == 30)
        #expect(yearly.labels == ["accounts"])
        #expect(!yearly.enabledByDefault)
    }

    static let invalid: [(String, String)] = [
        ("[]", #"GOOD_JOB_CRON must be a JSON object of entries keyed by name, e.g. {"daily": {"cron": "0 3 * * *", "class": "DailyJob"}}"#),
        (#"{"a": 5}"#, #"cron entry "a" must be a JSON object with at least "cron" and "class""#),
        (#"{"a": {"class": "X"}}"#, #"cron entry "a" has no "cron"; add it"#),
        (#"{"a": {"cron": "0 3 * * *"}}"#, #"cron entry "a" has no "class"; add it"#),
        (#"{"a": {"cron": 5, "class": "X"}}"#, #"cron entry "a": "cron" must be a string"#),
        (#"{"a": {"cron": "* * *", "class": "X"}}"#, #"cron entry "a": cron "* * *": expected 5 or 6 fields, found 3"#),
        (#"{"a": {"cron": "0 3 * * *", "class": "X", "args": 5}}"#, #"cron entry "a": "args" must be an array"#),
        (#"{"a": {"cron": "0 3 * * *", "class": "X", "kwargs": [1]}}"#, #"cron entry "a": "kwargs" must be an object"#),
        (#"{"a": {"cron": "0 3 * * *", "class": "X", "set": {"priority": "high"}}}"#,
         #"cron entry "a": "set.priority" must be an integer"#),
        (#"{"a": {"cron": "0 3 * * *", "class": "X", "set": {"wait_until": "2026-01-01"}}}"#,
         #"cron entry "a": set option "wait_until" is not supported; use queue, priority, wait or good_job_labels"#),
        (#"{"a": {"cron": "0 3 * * *", "class": "X", "enabled_by_default": "yes"}}"#,
         #"cron entry "a": "enabled_by_default" must be true or false"#),
    ]

    @Test(arguments: invalid)
    func rejectsWithExactMessage(_ json: String, _ message: String) {
        #expect(throws: (any Error).self) { try CronEntry.parseGoodJobCron(json) }
        do {
            _ = try CronEntry.parseGoodJobCron(json)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func textThatIsNotJSONNamesTheVariable() {
        do {
            _ = try CronEntry.parseGoodJobCron("{")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.description.hasPrefix("GOOD_JOB_CRON is not valid JSON: "))
        }
    }
}
