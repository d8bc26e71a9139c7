import Foundation

/// An error that carries the backtrace of where it was thrown, recorded in `error_backtrace`.
///
/// Swift errors carry no stack; errors conforming to this protocol capture one at creation
/// (`Backtrace.capture()`), others get the stack of the place the worker caught them.
public protocol BacktraceProviding: Error {
    var backtrace: [String] { get }
}

public enum Backtrace {
    /// The current call stack, one frame per line, without the capture frame itself.
    public static func capture() -> [String] {
        Array(Thread.callStackSymbols.dropFirst())
    }
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
