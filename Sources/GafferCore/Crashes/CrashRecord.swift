import Foundation

/// What a crashed worker left behind: its record (written by its signal handler) and, if the Swift
/// backtracer ran, the crashing thread's frames from its report.
///
/// The record is text, `key value` lines then `message` and the runtime's fatal-error text:
/// `gaffer-crash 1`, `process <good_job_processes id>`, `pid <n>`, `signal <n>`, `job <id or ->`,
/// `thread <name>`.
public struct CrashRecord: Sendable, Equatable {
    /// The crashed worker's `good_job_processes` id.
    public var processID: UUID
    public var pid: Int32
    public var signal: Int32
    /// The job the crashing thread ran; nil when the crash was on a thread running no job.
    public var jobID: UUID?
    public var threadName: String
    /// The Swift runtime's fatal-error text (`File.swift:12: Fatal error: …`), empty for a plain fault.
    public var message: String
    /// The crashing thread's frames, `error_backtrace` lines; empty without a backtracer report.
    public var frames: [String] = []

    /// Characters of the fatal message kept in an error.
    public static let messageLimit = 2000

    public init(processID: UUID, pid: Int32, signal: Int32, jobID: UUID?, threadName: String, message: String) {
        self.processID = processID
        self.pid = pid
        self.signal = signal
        self.jobID = jobID
        self.threadName = threadName
        self.message = message
    }

    /// Parses a record file's text; nil if it is not a complete record.
    public static func parse(_ text: String) -> CrashRecord? {
        let parts = text.split(separator: "\nmessage\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var fields: [String: String] = [:]
        for line in parts[0].split(separator: "\n") {
            let pair = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            fields[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        guard fields["gaffer-crash"] == "1", let process = fields["process"].flatMap(UUID.init(uuidString:)),
              let pid = fields["pid"].flatMap({ Int32($0) }), let signal = fields["signal"].flatMap({ Int32($0) })
        else { return nil }
        let job = fields["job"].flatMap(UUID.init(uuidString:))
        let message = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
        return CrashRecord(processID: process, pid: pid, signal: signal, jobID: job, threadName: fields["thread"] ?? "",
                           message: OneLineText.make(message, limit: messageLimit))
    }

    /// The record's header, written before the crash (the handler appends the rest).
    public static func header(processID: UUID, pid: Int32) -> String {
        "gaffer-crash 1\nprocess \(processID.uuidString.lowercased())\npid \(pid)\n"
    }

    /// What crashed, for the `error` column: the fatal message, or the signal when there is none.
    public var reason: String {
        message.isEmpty ? "\(Self.signalName(signal)) on thread \(threadName)" : message
    }

    /// `Gaffer::CrashError: <reason>`: the crashing job's attempt.
    public var errorText: String {
        ErrorText.storable(ErrorText.format(typeName: Self.crashErrorType, message: reason))
    }

    public static let crashErrorType = "Gaffer::CrashError"
    public static let crashLoopErrorType = "Gaffer::CrashLoopError"

    /// The error a job gets when it is discarded for crashing the worker `crashes` times.
    public func crashLoopText(crashes: Int) -> String {
        ErrorText.storable(ErrorText.format(
            typeName: Self.crashLoopErrorType,
            message: "crashed the worker process \(crashes) times, not run again; last crash: \(reason)"))
    }

    /// What the other jobs the crash interrupted are told, after GoodJob's interrupted text.
    public var interruptedSuffix: String {
        if let jobID { return "; job \(jobID.uuidString.lowercased()) crashed the process" }
        return "; the process crashed (\(Self.signalName(signal)) on thread \(threadName), running no job)"
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: "SIGILL"
        case 5: "SIGTRAP"
        case 6: "SIGABRT"
        case 7: "SIGBUS"
        case 8: "SIGFPE"
        case 11: "SIGSEGV"
        default: "signal \(signal)"
        }
    }
}
