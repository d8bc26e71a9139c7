import Foundation
import GafferTestSupport

/// The embedded test server's `server.log`, read as entries per session (with `log_statement = 'all'`, every statement).
enum ServerLog {
    /// Every entry (statement, error, detail; continuation lines joined) the sessions `pids` logged.
    static func entries(of pids: [Int32]) throws -> [String] {
        guard let server = TestServer.embedded else { return [] }
        let text = try String(contentsOfFile: server.dataDirectory + "/server.log", encoding: .utf8)
        var entries: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\t"), !entries.isEmpty {
                entries[entries.count - 1] += "\n" + line
            } else {
                entries.append(String(line))
            }
        }
        let tags = pids.map { "[\($0)] " }
        return entries.filter { entry in tags.contains { entry.contains($0) } }
    }
}
