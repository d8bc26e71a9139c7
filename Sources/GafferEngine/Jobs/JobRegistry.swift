/// The job types a worker serves, by Rails class name.
///
/// A worker claims only rows whose `job_class` is registered here, so Swift and Ruby workers can share
/// queues without ever taking each other's jobs.
public struct JobRegistry: Sendable {
    private var types: [String: any Job.Type] = [:]

    public init(_ types: [any Job.Type] = []) {
        for type in types { register(type) }
    }

    public mutating func register(_ type: any Job.Type) {
        types[type.className] = type
    }

    public func type(named className: String) -> (any Job.Type)? { types[className] }
    public var classNames: [String] { types.keys.sorted() }
    public var isEmpty: Bool { types.isEmpty }
}
