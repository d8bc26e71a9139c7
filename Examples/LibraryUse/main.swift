import GafferCLI

/// Welcomes a new user; Rails enqueues it with `WelcomeJob.perform_later(user.id)`.
struct WelcomeJob: Job {
    static let className = "WelcomeJob"
    static let queueName = "mailers"
    let userID: Int

    init(arguments: JobArguments) throws { userID = try arguments.positional(0, as: Int.self) }
    var arguments: JobArguments { [.int(Int64(userID))] }

    func perform(_ context: JobContext) async throws {
        context.logger.info("welcome, user \(userID)")
    }
}

await GafferCommand.run(app: GafferApp(
    name: "myapp-jobs", jobs: [WelcomeJob.self],
    cron: [try CronEntry(key: "welcome_admin", cron: "0 6 * * *", jobClass: "WelcomeJob", arguments: [1])]))
