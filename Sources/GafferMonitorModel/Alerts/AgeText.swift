/// How long something has lasted, in a narrow column or one line: `42s`, `1m48s`, `12m`, `3h05m`, `14h`, `2d07h`.
public enum AgeText {
    /// A second unit while the first is one digit, so no span reads as half its length (108 s is
    /// `1m48s`, not `1m`); negative spans (clock skew) show as `0s`.
    public static func of(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 600 { return "\(s / 60)m\(pad2(s % 60))s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 36_000 { return "\(s / 3600)h\(pad2(s / 60 % 60))m" }
        if s < 86_400 { return "\(s / 3600)h" }
        if s < 864_000 { return "\(s / 86_400)d\(pad2(s / 3600 % 24))h" }
        return "\(s / 86_400)d"
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
