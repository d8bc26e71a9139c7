/// A PostgreSQL `interval`, as months, days and microseconds (the server's own representation).
public struct PostgresInterval: Sendable, Hashable, PostgresEncodable, PostgresDecodable {
    public var months: Int
    public var days: Int
    public var microseconds: Int64

    public init(months: Int = 0, days: Int = 0, microseconds: Int64) {
        self.months = months
        self.days = days
        self.microseconds = microseconds
    }

    public init(seconds: Double) {
        self.init(microseconds: Int64((seconds * 1_000_000).rounded()))
    }

    /// Approximate total length in seconds (a month counted as 30 days, as PostgreSQL's `extract(epoch)`).
    public var seconds: Double {
        Double(months) * 30 * 86_400 + Double(days) * 86_400 + Double(microseconds) / 1_000_000
    }

    /// ISO 8601 form, which PostgreSQL accepts whatever the session's IntervalStyle.
    public var postgresText: String? {
        let sign = microseconds < 0 ? "-" : ""
        let abs = microseconds.magnitude
        let whole = abs / 1_000_000
        let fraction = String(abs % 1_000_000)
        let padded = String(repeating: "0", count: 6 - fraction.count) + fraction
        return "P\(months)M\(days)DT\(sign)\(whole).\(padded)S"
    }

    /// Parses the `postgres` IntervalStyle: `[N year[s]] [N mon[s]] [N day[s]] [-]HH:MM:SS[.ffffff]`.
    public init(postgresText text: String, oid: UInt32) throws {
        func fail() -> PostgresError { PostgresError(.decodingFailed, "\"\(text)\" is not an interval") }
        var months = 0, days = 0
        var micros: Int64 = 0
        let tokens = text.split(separator: " ")
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.contains(":") {
                let negative = token.hasPrefix("-")
                let body = negative || token.hasPrefix("+") ? token.dropFirst() : token[...]
                let parts = body.split(separator: ":")
                guard parts.count == 3, let h = Int64(parts[0]), let m = Int64(parts[1]) else { throw fail() }
                let secParts = parts[2].split(separator: ".", maxSplits: 1)
                guard let s = Int64(secParts[0]) else { throw fail() }
                var frac: Int64 = 0
                if secParts.count == 2 {
                    let digits = String(secParts[1].prefix(6))
                    guard let f = Int64(digits) else { throw fail() }
                    frac = f
                    for _ in digits.count..<6 { frac *= 10 }
                }
                let total = ((h * 60 + m) * 60 + s) * 1_000_000 + frac
                micros += negative ? -total : total
                i += 1
                continue
            }
            guard i + 1 < tokens.count, let n = Int(token) else { throw fail() }
            switch tokens[i + 1] {
            case "year", "years": months += 12 * n
            case "mon", "mons": months += n
            case "day", "days": days += n
            default: throw fail()
            }
            i += 2
        }
        self.init(months: months, days: days, microseconds: micros)
    }
}
