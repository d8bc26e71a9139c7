#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The arguments GoodJob passes a batch callback job: `perform(batch, {event: :finish})`.
///
/// Serialized as `[{"_aj_globalid": "gid://<app>/GoodJob::Batch/<id>"}, {"event": <Symbol>,
/// "_aj_symbol_keys": ["event"]}]`. Ruby finds the batch by the GlobalID's model and id whatever the
/// app name, so `app` is only what the URI shows.
public struct BatchCallbackArguments: Sendable, Hashable {
    public static let modelName = "GoodJob::Batch"
    static let symbolSerializer = "ActiveJob::Serializers::SymbolSerializer"

    public var batchID: UUID
    public var event: BatchEvent
    public var app: String

    public init(batchID: UUID, event: BatchEvent, app: String) {
        self.batchID = batchID
        self.event = event
        self.app = app
    }

    public var arguments: JobArguments {
        let gid = GlobalID(app: app, modelName: Self.modelName, modelID: batchID.uuidString.lowercased())
        let symbol = JSONValue.object(JSONObject([
            JSONObject.Entry(key: "_aj_serialized", value: .string(Self.symbolSerializer)),
            JSONObject.Entry(key: "value", value: .string(event.rawValue)),
        ]))
        let context = ArgumentHash([ArgumentHash.Entry(key: "event", value: .opaque(symbol), isSymbol: true)])
        return [.globalID(gid.uri), .hash(context)]
    }

    /// Reads what a callback job was enqueued with (by GoodJob or by Gaffer).
    public init(arguments: JobArguments) throws(ArgumentError) {
        let gid = try arguments.positional(0, as: GlobalID.self)
        guard gid.modelName == Self.modelName, let id = gid.modelID.flatMap(UUID.init(uuidString:)) else {
            throw ArgumentError(.wrongType(found: "GlobalID \(gid.uri)"), argument: .positional(0),
                                expectedType: "a GlobalID of \(Self.modelName)")
        }
        let expected = "a hash with event: :discard, :success or :finish"
        guard arguments.positional.count > 1 else {
            throw ArgumentError(.missing(positionalCount: arguments.positional.count), argument: .positional(1),
                                expectedType: expected)
        }
        let context = arguments.positional[1]
        guard case .hash(let hash) = context, let value = hash["event"], let event = Self.event(value) else {
            throw ArgumentError(.wrongType(found: context.summary), argument: .positional(1), expectedType: expected)
        }
        self.init(batchID: id, event: event, app: gid.app ?? "")
    }

    /// A Symbol (`{"_aj_serialized": "...SymbolSerializer", "value": "finish"}`) or a plain String.
    private static func event(_ value: ArgumentValue) -> BatchEvent? {
        switch value {
        case .string(let name): return BatchEvent(rawValue: name)
        case .opaque(let json):
            guard json["_aj_serialized"]?.stringValue == symbolSerializer else { return nil }
            return json["value"]?.stringValue.flatMap(BatchEvent.init(rawValue:))
        default: return nil
        }
    }
}
