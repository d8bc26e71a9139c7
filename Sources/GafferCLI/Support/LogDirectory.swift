import Foundation

/// `$GAFFER_HOME/log`, where workers write their log while the screen owns the terminal.
enum LogDirectory {
    /// The path of `name` in the log directory, creating the directory if needed.
    static func file(_ name: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: GafferHome.logDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.runtime("cannot create the log directory \"\(GafferHome.logDirectory)\": \(error.localizedDescription); set GAFFER_HOME to a writable directory")
        }
        return GafferHome.logDirectory + "/" + name
    }
}
