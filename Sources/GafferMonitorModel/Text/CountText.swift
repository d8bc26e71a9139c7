/// A count in a narrow column: `0`–`9999` as is, then `12k`, `3.4M`; an estimate with a leading `≈`.
///
/// The screen's columns and `gaffer status`'s estimated cells share it, so an estimate never shows more
/// digits than it has: `≈284k`, not `≈284731`.
public enum CountText {
    public static func of(_ n: Int, estimate: Bool) -> String { (estimate ? "≈" : "") + of(n) }

    public static func of(_ n: Int) -> String {
        if n < 10_000 { return String(n) }
        if n < 1_000_000 { return "\(n / 1000)k" }
        return "\((Double(n) / 100_000).rounded() / 10)M"
    }
}
