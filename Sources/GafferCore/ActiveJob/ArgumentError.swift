/// A job argument is missing or has a shape the job's Swift type cannot take.
public struct ArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which argument: by position, or by keyword name.
    public enum Argument: Sendable, Hashable {
        case positional(Int)
        case keyword(String)
    }

    public enum Code: Sendable, Hashable {
        /// The payload has no such argument; `positionalCount` is how many positional ones it has.
        case missing(positionalCount: Int)
        /// The argument exists with another shape; `found` is its summary (`string "abc"`).
        case wrongType(found: String)
    }

    public var code: Code
    public var argument: Argument
    /// The Swift type asked for, as `ArgumentDecodable.argumentTypeName` names it.
    public var expectedType: String

    public init(_ code: Code, argument: Argument, expectedType: String) {
        self.code = code
        self.argument = argument
        self.expectedType = expectedType
    }

    public var description: String {
        let name = switch argument {
        case .positional(let index): "positional argument \(index)"
        case .keyword(let keyword): "keyword argument \(keyword):"
        }
        switch code {
        case .missing(let count):
            let hint = switch argument {
            case .positional: "the job was enqueued with \(count) positional argument\(count == 1 ? "" : "s")"
            case .keyword: "enqueue the job with this keyword, or decode it as an Optional"
            }
            return "\(name) is missing; expected \(expectedType) (\(hint))"
        case .wrongType(let found):
            return "\(name) must be \(expectedType), found \(found)"
        }
    }
}
