import Foundation

/// An error that carries its own backtrace (e.g. one relayed from elsewhere), recorded in
/// `error_backtrace` as given, one frame per line.
///
/// Other errors need nothing: the worker records where they were thrown (`ThrowSites`).
public protocol BacktraceProviding: Error {
    var backtrace: [String] { get }
}

/// Names an error the way GoodJob records it: `"Type: message"` (the separator is exactly `": "`).
enum ErrorNaming {
    static func typeName(_ error: any Error) -> String {
        String(describing: type(of: error))
    }

    static func message(_ error: any Error) -> String {
        if let localized = error as? LocalizedError, let text = localized.errorDescription { return text }
        return String(describing: error)
    }
}

/// A job whose row cannot be run: its arguments do not decode, or its payload is not Active Job's.
public struct MalformedJobError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
