extension GafferApp {
    /// The stock `gaffer` binary: no job types of its own, so its workers never claim an app's jobs.
    /// The `gaffer` executable adds the demo (`gaffer demo`) to it.
    public static var stock: GafferApp {
        GafferApp(name: "gaffer", jobs: [])
    }
}
