import GafferCore
import Runtime
import Synchronization

/// A throw site's backtrace as `error_backtrace` lines, Ruby's shape: `path:line:in 'function'`.
///
/// The hook's own frames (down to `swift_willThrow`) and thunks are dropped: the first line is the
/// `throw`. The worker's frames below the body (the runner, the executor) stay, for the full trace;
/// `BacktraceFrame.isApplication` tells them apart by path.
enum ThrowSiteTrace {
    /// With source locations; slow the first time per throw site (`TraceSymbolizer` runs it off the slot thread).
    static func lines(_ backtrace: Backtrace) -> [String] {
        let key = key(backtrace)
        if let known = cache.withLock({ $0[key] }) { return known }
        let lines = symbolicate(backtrace)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll() }
            cache[key] = lines
        }
        return lines
    }

    /// Symbolicated traces by their addresses: a failing job fails from the same few places again and
    /// again, and source locations cost 50–500 ms a trace (Linux's symbolicator re-reads the DWARF line
    /// tables each time; names alone take 20 µs).
    private static let cache = Mutex<[String: [String]]>([:])
    static let cacheLimit = 512

    /// The lines `lines` returned for this throw site before, or nil: a dictionary look-up.
    static func cachedLines(_ backtrace: Backtrace) -> [String]? {
        let key = key(backtrace)
        return cache.withLock { $0[key] }
    }

    /// Function names without source locations (`image:in 'fn'`), in microseconds: what an attempt's end
    /// records while `lines` is still to run.
    static func quickLines(_ backtrace: Backtrace) -> [String] {
        guard let symbolicated = backtrace.symbolicated(options: []) else { return [] }
        return throwSiteFrames(symbolicated).map(line)
    }

    private static func key(_ backtrace: Backtrace) -> String {
        backtrace.frames.map { "\($0)" }.joined(separator: " ")
    }

    private static func symbolicate(_ backtrace: Backtrace) -> [String] {
        guard let symbolicated = backtrace.symbolicated() else { return [] }
        return throwSiteFrames(symbolicated).map(line)
    }

    /// The frames from the `throw` down, without the hook's own frames and thunks.
    private static func throwSiteFrames(_ symbolicated: SymbolicatedBacktrace) -> [SymbolicatedBacktrace.Frame] {
        var frames = Array(symbolicated.frames)
        if let hook = frames.firstIndex(where: { $0.symbol?.rawName == "swift_willThrow" }) {
            frames.removeFirst(hook + 1)
        }
        return frames.filter { !$0.isSwiftThunk }
    }

    static func line(_ frame: SymbolicatedBacktrace.Frame) -> String {
        guard let symbol = frame.symbol else {
            return "\(frame.captured.adjustedProgramCounter):in '?'"
        }
        let function = symbol.name
        if let location = symbol.sourceLocation, location.line > 0 {
            return BacktraceFrame.line(path: location.path, line: location.line, function: function)
        }
        return BacktraceFrame.line(path: symbol.imageName, line: nil, function: function)
    }
}
