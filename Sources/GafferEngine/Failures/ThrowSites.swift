import CSupport
import Runtime
import Synchronization

/// The backtraces of where errors were thrown inside a job body, taken at the `throw`.
///
/// Swift errors carry no stack, and the stack where the worker catches one is the runner's. The Swift
/// runtime calls its `_swift_willThrow` hook at every `throw` with the error's box; while an attempt
/// runs, the hook files a backtrace of the throw site in the attempt's recorder (a task local, so
/// child tasks of the body count too), keyed by the box, which is what the runner catches. A capture
/// is about 2 µs (addresses only; the image map is taken once); symbolication costs milliseconds and
/// runs only for an attempt that failed. Outside an attempt the hook returns at once.
final class ThrowSites: Sendable {
    @TaskLocal static var current: ThrowSites?
    /// Set while the hook captures, so a `throw` inside the capture does not re-enter it.
    @TaskLocal private static var capturing = false

    /// Throw sites kept per attempt; past this the oldest go (the error that escapes is usually the last thrown).
    static let limit = 32
    /// Frames captured per throw site.
    static let frameLimit = 64

    private struct Entry: @unchecked Sendable {
        /// The error's box, retained so its address cannot be reused by another error meanwhile.
        let box: AnyObject
        let backtrace: Backtrace
    }

    private let entries = Mutex<[Entry]>([])

    init() {}

    /// The backtrace taken where `error` was first thrown during this attempt.
    func backtrace(of error: any Error) -> Backtrace? {
        // `as any Error` keeps the existential (one pointer to the box) from being opened to the concrete type.
        let box = unsafeBitCast(error as any Error, to: AnyObject.self)
        return entries.withLock { entries in entries.first { $0.box === box }?.backtrace }
    }

    private func record(_ box: AnyObject, _ backtrace: Backtrace) {
        entries.withLock { entries in
            // A rethrow of the same error keeps its first site.
            guard !entries.contains(where: { $0.box === box }) else { return }
            if entries.count >= Self.limit { entries.removeFirst() }
            entries.append(Entry(box: box, backtrace: backtrace))
        }
    }

    /// Installs the hook once per process; false when the runtime has none (traces fall back to the catch site).
    static let installed: Bool = {
        var previous: gaffer_will_throw_hook?
        guard gaffer_set_will_throw_hook(willThrow, &previous) == 0 else { return false }
        previousHook.withLock { $0 = previous.map(Hook.init) }
        return true
    }()

    private struct Hook: @unchecked Sendable { let call: gaffer_will_throw_hook }
    /// A hook installed before ours (swift-testing installs one), called after ours.
    private static let previousHook = Mutex<Hook?>(nil)
    /// Where the process's images are loaded, taken once: capturing it per throw costs 300 µs.
    private static let images = ImageMap.capture()

    private static let willThrow: gaffer_will_throw_hook = { raw in
        defer { previousHook.withLock { $0 }?.call(raw) }
        guard let raw, !capturing, let sites = current else { return }
        $capturing.withValue(true) {
            guard let backtrace = try? Backtrace.capture(limit: frameLimit, images: images) else { return }
            sites.record(Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue(), backtrace)
        }
    }
}
