/// The screen's texts for cron control, in one place.
enum CronText {
    static let selectKey = "select a cron key first"
    static let notDeclared = "this key is declared by another app (seen only in the database): enqueue it from there"

    static func toggleQuestion(_ key: String, enable: Bool) -> String {
        "\(enable ? "Enable" : "Disable") cron key \(Format.clean(key)) for every cron process?"
    }

    static func toggleDetail(enable: Bool) -> [String] {
        enable
            ? ["cron processes enqueue it from its next fire; missed fires stay skipped",
               "written to good_job_settings as GoodJob's dashboard writes it"]
            : ["cron processes skip its fires until enabled; enqueued jobs still run",
               "written to good_job_settings as GoodJob's dashboard writes it"]
    }

    static func enqueueQuestion(_ key: String) -> String { "Enqueue cron key \(Format.clean(key)) now?" }

    static func enqueueDetail(jobClass: String, enabled: Bool) -> [String] {
        let job = jobClass.isEmpty ? "one job" : "one \(Format.name(jobClass)) job"
        var lines = ["\(job) with cron_at = now, as GoodJob's Enqueue now"]
        if !enabled { lines.append("the key is off: this one run goes ahead anyway") }
        return lines
    }
}
