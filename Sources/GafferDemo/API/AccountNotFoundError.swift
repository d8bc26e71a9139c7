import Foundation

/// The platform has no account with that handle (renamed or deleted): the job is discarded.
public struct AccountNotFoundError: Error, LocalizedError {
    public let platform: Platform
    public let handle: String

    public var errorDescription: String? {
        "\(platform.rawValue) has no account \"\(handle)\""
    }
}
