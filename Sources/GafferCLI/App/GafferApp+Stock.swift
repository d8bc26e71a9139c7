import GafferDemo

extension GafferApp {
    /// The stock `gaffer` binary: the demo's job set and cron table, and `gaffer demo`.
    public static var stock: GafferApp {
        GafferApp(name: "gaffer", jobs: SocialMediaDemo.jobs, cron: SocialMediaDemo.cron, includesDemo: true)
    }
}
