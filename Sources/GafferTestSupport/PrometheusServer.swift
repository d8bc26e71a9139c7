import Foundation

/// A real Prometheus server (Debian's `prometheus` package) on a free loopback port, scraping one target
/// every second, for tests that read back what it stored through its query API.
public final class PrometheusServer: Sendable {
    public static let path = "/usr/bin/prometheus"

    public let port: Int
    private let process: Process

    public init(target: Int, directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config = """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: gaffer
                static_configs:
                  - targets: ['127.0.0.1:\(target)']
            """
        try config.write(toFile: directory + "/prometheus.yml", atomically: true, encoding: .utf8)
        port = try ProbeClient.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = ["--config.file=\(directory)/prometheus.yml", "--storage.tsdb.path=\(directory)/data",
                             "--web.listen-address=127.0.0.1:\(port)"]
        let log = directory + "/prometheus.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = FileHandle(forWritingAtPath: "/dev/null")
        let errors = FileHandle(forWritingAtPath: log)
        defer {  // the child has its own copies; Foundation would keep ours open as long as the Process
            try? output?.close()
            try? errors?.close()
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        self.process = process
    }

    /// The instant query's single value; nil while it has no result (or the server is not up yet).
    public func query(_ promQL: String) async throws -> Double? {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "_-.")
        let encoded = promQL.addingPercentEncoding(withAllowedCharacters: allowed) ?? promQL
        guard let answer = try? await ProbeClient.fetch(port: port, "/api/v1/query?query=\(encoded)"), answer.status == 200 else {
            return nil
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any],
              let data = json["data"] as? [String: Any], let result = data["result"] as? [[String: Any]] else {
            throw ProbeClient.Failure(description: "Prometheus answered \(answer.body.prefix(200))")
        }
        guard result.count == 1, let value = result[0]["value"] as? [Any], value.count == 2, let text = value[1] as? String else {
            return nil
        }
        return Double(text)
    }

    /// Stops the server (SIGTERM) without waiting for it: the test's scratch directory outlives it.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
    }
}
