/// One metric's limits: at or above `warning` warns, at or above `critical` is critical; nil turns a level off.
public struct AlertLimit: Sendable, Hashable {
    public var warning: Double?
    public var critical: Double?

    public init(warning: Double?, critical: Double?) {
        self.warning = warning
        self.critical = critical
    }

    public static let off = AlertLimit(warning: nil, critical: nil)

    /// The level `value` reaches.
    public func level(of value: Double) -> AlertLevel {
        if let critical, value >= critical { return .critical }
        if let warning, value >= warning { return .warning }
        return .ok
    }

    /// Reads `5m,15m`, `5m` (warning only), `off`, `-,15m` (critical only); counts for `failures`.
    ///
    /// Throws `AlertLimitError` with the fix when the text is not one of these.
    public static func parse(_ text: String, for metric: AlertMetric) throws(AlertLimitError) -> AlertLimit {
        let trimmed = Self.trim(text)
        if trimmed.lowercased() == "off" { return .off }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            .map { Self.trim(String($0)) }
        guard parts.count <= 2, !trimmed.isEmpty else { throw AlertLimitError(metric: metric, text: text) }
        func value(_ part: String) throws(AlertLimitError) -> Double? {
            if part == "-" || part.lowercased() == "off" { return nil }
            let number = metric.isDuration ? AlertLimit.seconds(part) : Int(part).map(Double.init)
            guard let number, number > 0 else { throw AlertLimitError(metric: metric, text: text) }
            return number
        }
        let limit = AlertLimit(warning: try value(parts[0]), critical: parts.count == 2 ? try value(parts[1]) : nil)
        if let warning = limit.warning, let critical = limit.critical, critical < warning {
            throw AlertLimitError(metric: metric, text: text, isInverted: true)
        }
        return limit
    }

    static func trim(_ text: String) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// `90`, `90s`, `5m`, `1h`, `2d`, `1h30m` as seconds; nil for anything else.
    static func seconds(_ text: String) -> Double? {
        if let plain = Int(text) { return Double(plain) }
        var total = 0.0
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            let unit: Double
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            default: return nil
            }
            guard let amount = Int(digits), amount <= 1_000_000 else { return nil }
            total += Double(amount) * unit
            digits = ""
        }
        return digits.isEmpty && total > 0 ? total : nil
    }

    /// `5m,15m`, `off`, `50,500`: the text `parse` reads back to this limit.
    public func text(for metric: AlertMetric) -> String {
        func part(_ value: Double?) -> String {
            guard let value else { return "-" }
            return metric.isDuration ? AlertLimit.durationText(value) : String(Int(value))
        }
        if warning == nil && critical == nil { return "off" }
        return critical == nil ? part(warning) : "\(part(warning)),\(part(critical))"
    }

    /// `45s`, `5m`, `1h30m`, `2d`: whole units, as a limit is written.
    public static func durationText(_ seconds: Double) -> String {
        var s = Int(seconds.rounded())
        var text = ""
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where s >= size {
            text += "\(s / size)\(unit)"
            s %= size
        }
        return text.isEmpty ? "0s" : text
    }
}
