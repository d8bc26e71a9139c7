/// Reads `GOOD_JOB_*` settings from an environment, with one-line errors naming the variable.
struct EnvironmentSettings {
    let values: [String: String]

    func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }

    /// A whole number in `input`'s range, or a usage error naming the variable and the range.
    func int(_ name: String, _ input: NumberInput) throws -> Int? {
        guard let text = string(name) else { return nil }
        return try input.int(text, input: name)
    }

    /// A number in `input`'s range (never infinite or NaN), or a usage error naming the variable and the range.
    func double(_ name: String, _ input: NumberInput) throws -> Double? {
        guard let text = string(name) else { return nil }
        return try input.value(text, input: name)
    }

    /// Ruby's boolean casting: true/false, 1/0, yes/no, on/off (any case).
    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "t", "1", "yes", "y", "on": return true
        case "false", "f", "0", "no", "n", "off": return false
        default: throw CLIError.usage("\(name)=\"\(text)\" is not a boolean; set it to true or false")
        }
    }

    /// One of `T`'s values by name (any case), or a usage error naming the variable and every value.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ kind: String) throws -> T? where T.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            throw CLIError.usage("\(name)=\"\(text)\" is not a \(kind); set it to one of "
                                 + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// A count where `false` means off (GoodJob's cleanup intervals): nil when unset.
    func intOrFalse(_ name: String, _ input: NumberInput) throws -> Int?? {
        guard let text = string(name) else { return nil }
        if text.lowercased() == "false" { return .some(nil) }
        return .some(try int(name, input))
    }

    func doubleOrFalse(_ name: String, _ input: NumberInput) throws -> Double?? {
        guard let text = string(name) else { return nil }
        if text.lowercased() == "false" { return .some(nil) }
        return .some(try double(name, input))
    }
}
