import Foundation

/// The platform answered 429: retried by the jobs' `retry_on` rules.
public struct RateLimitError: Error, LocalizedError {
    public let platform: Platform
    public let endpoint: String

    public var errorDescription: String? {
        "\(platform.rawValue) answered 429 Too Many Requests for \(endpoint)"
    }
}
