import Foundation

/// The post no longer exists on the platform: nothing to retry, the job is discarded.
public struct MediaRemovedError: Error, LocalizedError {
    public let platform: Platform
    public let publicationID: Int

    public var errorDescription: String? {
        "\(platform.rawValue) says publication \(publicationID) was removed by its author"
    }
}
