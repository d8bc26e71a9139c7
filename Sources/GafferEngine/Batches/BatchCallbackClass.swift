/// A batch callback job class: a Swift type (its queue and priority are the defaults of the
/// callback jobs), or a class name only Ruby has (queue `default`, priority 0 unless the batch sets them).
public struct BatchCallbackClass: Sendable {
    public var name: String
    public var type: (any Job.Type)?

    public static func job(_ type: any Job.Type) -> BatchCallbackClass {
        BatchCallbackClass(name: type.className, type: type)
    }

    public static func named(_ name: String) -> BatchCallbackClass {
        BatchCallbackClass(name: name, type: nil)
    }
}
