import GafferCore

/// How a job's `concurrency_key` is chosen at enqueue (GoodJob's `key:` option).
///
/// The key is computed once, when the job is first enqueued, and stored on the row; keyed limits
/// count rows sharing it. A nil or empty key leaves the job out of keyed limits (GoodJob's `key: nil`).
public enum ConcurrencyKey: Sendable {
    /// The Rails class name, GoodJob's default.
    case className
    case fixed(String)
    /// Derived from the arguments, e.g. one key per account.
    case computed(@Sendable (JobArguments) -> String?)

    public func resolve(className: String, arguments: JobArguments) -> String? {
        let key: String? = switch self {
        case .className: className
        case .fixed(let text): text
        case .computed(let derive): derive(arguments)
        }
        return key?.isEmpty == true ? nil : key
    }
}
