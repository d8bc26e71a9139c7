#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferMonitorModel
import TerminalKit

/// Short numbers and times for narrow columns; all relative to the snapshot's time, never the clock.
enum Format {
    /// `42s`, `1m48s`, `12m`, `3h05m`, `14h`, `2d07h` (`AgeText`, which alert lines share).
    static func age(_ seconds: Double) -> String { AgeText.of(seconds) }

    /// `1 key`, `3 keys`.
    static func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// `42s`, `5m12s`, `3h05m`: a running time with one more unit of detail.
    static func elapsed(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(pad2(s % 60))s" }
        if s < 86_400 { return "\(s / 3600)h\(pad2(s / 60 % 60))m" }
        return "\(s / 86_400)d\(pad2(s / 3600 % 24))h"
    }

    /// `1.5s`, `320ms`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10)s" : "\(tenths / 10).\(tenths % 10)s"
        }
        return elapsed(seconds)
    }

    /// `0`–`9999` as is, then `12k`, `3.4M`; an estimate gets a leading `≈` (`CountText`).
    static func count(_ n: Int, estimate: Bool) -> String { CountText.of(n, estimate: estimate) }

    /// `0`–`9999` as is, then `12k`, `3.4M`.
    static func count(_ n: Int) -> String { CountText.of(n) }

    /// `512B`, `12kB`, `3.4MB`, `1.2GB`: an amount of WAL.
    static func bytes(_ n: Int64) -> String {
        if n < 1000 { return "\(max(0, n))B" }
        for (unit, size) in [("kB", 1e3), ("MB", 1e6), ("GB", 1e9)] where Double(n) < size * 1000 {
            let value = Double(n) / size
            return value < 10 ? "\((value * 10).rounded() / 10)\(unit)" : "\(Int(value.rounded()))\(unit)"
        }
        return "\(Int((Double(n) / 1e12).rounded()))TB"
    }

    /// `10,000`.
    static func grouped(_ n: Int) -> String { ActionReport.grouped(n) }

    /// `20:26:40` (UTC).
    static func clock(_ date: Date) -> String {
        let s = Int(date.timeIntervalSince1970.rounded(.down)) % 86_400
        return "\(pad2(s / 3600)):\(pad2(s / 60 % 60)):\(pad2(s % 60))"
    }

    /// `SocialMediaAPI.swift:88` from `…/Sources/GafferDemo/API/SocialMediaAPI.swift:88:in '…'`: where, briefly.
    static func frameSite(_ frame: String) -> String {
        let location = frame.split(separator: ":in ", maxSplits: 1).first.map(String.init) ?? frame
        return location.split(separator: "/").last.map(String.init) ?? location
    }

    /// The first 8 hex digits of a job id, as lists show it.
    static func shortID(_ id: UUID) -> String { String(id.uuidString.lowercased().prefix(8)) }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Untrusted text as one visible line (every control escaped), for cells and lines.
    static func clean(_ text: String) -> String { Sanitizer.visible(text) }

    /// A queue or class name from the database as `clean` shows it; empty or NULL shows as `(none)`.
    static func name(_ text: String) -> String { text.isEmpty ? "(none)" : clean(text) }
}
