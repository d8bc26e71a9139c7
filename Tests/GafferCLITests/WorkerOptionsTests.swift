import Testing
@testable import GafferCLI

@Suite("worker options: flags beat GOOD_JOB_* variables beat defaults")
struct WorkerOptionsTests {
    func resolve(_ flags: [String], _ env: [String: String] = [:]) throws -> WorkerSettings {
        try WorkerOptions.parse(flags).resolve(environment: env)
    }

    @Test func defaultsAreGoodJobs() throws {
        let settings = try resolve([])
        #expect(settings.configuration.queues == "*")
        #expect(settings.configuration.maxThreads == 5)
        #expect(settings.configuration.pollInterval == 10)
        // Not GoodJob's -1 (wait for ever): a stuck body would hold the process until kill -9.
        #expect(settings.configuration.shutdownTimeout == 25)
        #expect(settings.configuration.enableCron == false)
        #expect(settings.idleTimeout == nil)
        #expect(settings.cleanup == CleanupSettings(beforeSecondsAgo: 1_209_600, includeDiscarded: true,
                                                    intervalJobs: 1000, intervalSeconds: 600))
    }

    @Test func environmentBeatsDefaults() throws {
        let settings = try resolve([], [
            "GOOD_JOB_QUEUES": "default,mailers:2;*", "GOOD_JOB_MAX_THREADS": "3", "GOOD_JOB_POLL_INTERVAL": "30",
            "GOOD_JOB_SHUTDOWN_TIMEOUT": "25", "GOOD_JOB_ENABLE_CRON": "true", "GOOD_JOB_IDLE_TIMEOUT": "60",
            "GOOD_JOB_CLEANUP_PRESERVED_JOBS_BEFORE_SECONDS_AGO": "86400", "GOOD_JOB_CLEANUP_INTERVAL_JOBS": "false",
            "GOOD_JOB_CLEANUP_INTERVAL_SECONDS": "-1", "GOOD_JOB_CLEANUP_DISCARDED_JOBS": "0",
        ])
        #expect(settings.configuration.queues == "default,mailers:2;*")
        #expect(settings.configuration.maxThreads == 3)
        #expect(settings.configuration.pollInterval == 30)
        #expect(settings.configuration.shutdownTimeout == 25)
        #expect(settings.configuration.enableCron)
        #expect(settings.idleTimeout == 60)
        #expect(settings.cleanup == CleanupSettings(beforeSecondsAgo: 86400, includeDiscarded: false,
                                                    intervalJobs: nil, intervalSeconds: -1))
    }

    @Test func flagsBeatTheEnvironment() throws {
        let settings = try resolve(
            ["--queues", "critical", "--max-threads", "2", "--poll-interval", "1", "--shutdown-timeout", "5",
             "--enable-cron", "--cleanup-interval-jobs", "0", "--cleanup-discarded-jobs", "true"],
            ["GOOD_JOB_QUEUES": "other", "GOOD_JOB_MAX_THREADS": "9", "GOOD_JOB_POLL_INTERVAL": "30",
             "GOOD_JOB_SHUTDOWN_TIMEOUT": "25", "GOOD_JOB_ENABLE_CRON": "false", "GOOD_JOB_CLEANUP_INTERVAL_JOBS": "5",
             "GOOD_JOB_CLEANUP_DISCARDED_JOBS": "false"])
        #expect(settings.configuration.queues == "critical")
        #expect(settings.configuration.maxThreads == 2)
        #expect(settings.configuration.pollInterval == 1)
        #expect(settings.configuration.shutdownTimeout == 5)
        #expect(settings.configuration.enableCron)
        #expect(settings.cleanup.intervalJobs == nil)
        #expect(settings.cleanup.includeDiscarded)
    }

    @Test func railsMaxThreadsIsTheFallbackForMaxThreads() throws {
        #expect(try resolve([], ["RAILS_MAX_THREADS": "7"]).configuration.maxThreads == 7)
        #expect(try resolve([], ["RAILS_MAX_THREADS": "7", "GOOD_JOB_MAX_THREADS": "4"]).configuration.maxThreads == 4)
    }

    @Test(arguments: [
        ([String](), ["GOOD_JOB_MAX_THREADS": "lots"], "GOOD_JOB_MAX_THREADS=\"lots\": give a whole number of threads in 1…1000"),
        ([String](), ["GOOD_JOB_POLL_INTERVAL": "soon"], "GOOD_JOB_POLL_INTERVAL=\"soon\": give a number of seconds in -1…31536000"),
        ([String](), ["GOOD_JOB_ENABLE_CRON": "maybe"], "GOOD_JOB_ENABLE_CRON=\"maybe\" is not a boolean"),
        ([String](), ["GOOD_JOB_SHUTDOWN_TIMEOUT": "nan"], "GOOD_JOB_SHUTDOWN_TIMEOUT=\"nan\": give a number of seconds in -1…"),
        (["--queues", "a,,b"], [String: String](), "--queues: queue selection \"a,,b\": empty queue name"),
    ])
    func badValuesAreUsageErrorsNamingTheInput(flags: [String], env: [String: String], message: String) {
        do {
            _ = try resolve(flags, env)
            Issue.record("accepted \(flags) \(env)")
        } catch let error as CLIError {
            #expect(error.code == .usage)
            #expect(error.description.hasPrefix(message), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
