/// A Rails GlobalID reference to a record, `gid://app/Model/id`, as passed to a job.
///
/// Swift cannot load the record; it gets the model name and id to look it up itself.
public struct GlobalID: Sendable, Hashable, ArgumentDecodable {
    /// The whole URI, e.g. `gid://mediarumu/Publication/42`.
    public var uri: String

    public init(uri: String) {
        self.uri = uri
    }

    public init(app: String, modelName: String, modelID: String) {
        uri = "gid://\(app)/\(modelName)/\(modelID)"
    }

    /// The application name (`mediarumu`); nil if the URI is not `gid://app/Model/id`.
    public var app: String? { parts?.app }
    /// The model class name (`Publication`, or namespaced `Social::Account`).
    public var modelName: String? { parts?.modelName }
    /// The record id as written (still percent-encoded, without `?params`).
    public var modelID: String? { parts?.modelID }

    private var parts: (app: String, modelName: String, modelID: String)? {
        guard uri.hasPrefix("gid://") else { return nil }
        let path = uri.dropFirst("gid://".count).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let pieces = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (String(pieces[0]), String(pieces[1]), String(pieces[2]))
    }

    public static var argumentTypeName: String { "GlobalID" }

    public init?(argument: ArgumentValue) {
        guard case .globalID(let uri) = argument else { return nil }
        self.uri = uri
    }
}
