import Foundation
import GafferCore

/// The platform answered 429: retried by the jobs' `retry_on` rules.
public struct RateLimitError: Error, LocalizedError {
    public let platform: Platform
    public let endpoint: String

    public var errorDescription: String? {
        "\(platform.rawValue) answered 429 Too Many Requests for \(endpoint)"
    }
}

extension RateLimitError {
    /// How every demo job retries a rate limit: 5 attempts, 30 s apart (plus Active Job's jitter),
    /// about the length of the platforms' rate-limit windows.
    static let retryRule = RetryRule(on: RateLimitError.self, attempts: 5, wait: .fixed(seconds: 30))
}
