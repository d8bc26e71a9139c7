import Foundation

/// Where Gaffer keeps its own files: the embedded database, logs, crash reports.
///
/// `$GAFFER_HOME`, else `${XDG_DATA_HOME:-~/.local/share}/gaffer`; as root, `/var/lib/gaffer`,
/// because the embedded server runs as the `postgres` user, who cannot enter `/root`.
enum GafferHome {
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        if let home = env["GAFFER_HOME"], !home.isEmpty { return home }
        if geteuid() == 0 { return "/var/lib/gaffer" }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return data + "/gaffer"
    }

    static var postgresDirectory: String { path + "/postgres" }
    static var logDirectory: String { path + "/log" }
    /// Crash records and the Swift backtracer's reports of workers that crashed (`CrashCapture`).
    static var crashDirectory: String { path + "/crashes" }
}
