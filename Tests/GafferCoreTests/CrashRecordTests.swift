import Foundation
@testable import GafferCore
import Testing

@Suite("crash records and backtracer reports")
struct CrashRecordTests {
    let process = UUID(uuidString: "7E2F1D3C-0000-4000-8000-000000000001")!
    let job = UUID(uuidString: "5A1B2C3D-0000-4000-8000-000000000002")!

    @Test func aRecordReadsBackWithTheFatalMessage() throws {
        let text = CrashRecord.header(processID: process, pid: 4242)
            + "signal 4\njob \(job.uuidString.lowercased())\nthread gaffer-0-3\nmessage\nApp/Job.swift:9: Fatal error: boom\u{1b}[2J\n"
        let record = try #require(CrashRecord.parse(text))
        #expect(record.processID == process)
        #expect(record.pid == 4242)
        #expect(record.signal == 4)
        #expect(record.jobID == job)
        #expect(record.threadName == "gaffer-0-3")
        #expect(record.message == "App/Job.swift:9: Fatal error: boom\\u001b[2J")
        #expect(record.errorText == "Gaffer::CrashError: App/Job.swift:9: Fatal error: boom\\u001b[2J")
        #expect(record.crashLoopText(crashes: 3).hasPrefix("Gaffer::CrashLoopError: crashed the worker process 3 times"))
        #expect(record.interruptedSuffix == "; job \(job.uuidString.lowercased()) crashed the process")
    }

    @Test func aCrashOffAJobThreadWithoutAMessageNamesTheSignal() throws {
        let text = CrashRecord.header(processID: process, pid: 7) + "signal 11\njob -\nthread gaffer-pool\nmessage\n"
        let record = try #require(CrashRecord.parse(text))
        #expect(record.jobID == nil)
        #expect(record.reason == "SIGSEGV on thread gaffer-pool")
        #expect(record.interruptedSuffix.contains("running no job"))
    }

    @Test func partialOrForeignFilesAreNotRecords() {
        #expect(CrashRecord.parse(CrashRecord.header(processID: process, pid: 7) + "signal 4\njob -") == nil)
        #expect(CrashRecord.parse("hello\nmessage\nx") == nil)
        #expect(CrashRecord.parse("") == nil)
    }

    @Test func theCrashedThreadsFramesBecomeRubyShapedLines() {
        let report = """
            { "kind": "crashReport", "description": "Illegal instruction", "threads": [
              { "frames": [ { "kind": "programCounter", "description": "clock_nanosleep + 101", "image": "libc.so.6" } ] },
              { "crashed": true, "frames": [
                { "kind": "programCounter", "description": "_assertionFailure(_:_:file:line:flags:) + 225", "image": "libswiftCore.so" },
                { "kind": "returnAddress", "description": "CrashJob.perform(_:) + 262", "image": "worker",
                  "sourceLocation": { "file": "/src/Sources/App/CrashJob.swift", "line": 31, "column": 9 } },
                { "kind": "truncated" } ] } ] }
            """
        #expect(CrashReportFrames.lines(reportJSON: report) == [
            "libswiftCore.so:in '_assertionFailure(_:_:file:line:flags:)'",
            "/src/Sources/App/CrashJob.swift:31:in 'CrashJob.perform(_:)'",
        ])
        #expect(CrashReportFrames.lines(reportJSON: "not json") == [])
    }
}
