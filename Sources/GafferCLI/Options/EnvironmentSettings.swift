/// Reads `GOOD_JOB_*` settings from an environment, with one-line errors naming the variable.
struct EnvironmentSettings {
    let values: [String: String]

    func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }

    func int(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw CLIError.usage("\(name)=\"\(text)\" is not a whole number; set it to e.g. 5") }
        return value
    }

    func double(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw CLIError.usage("\(name)=\"\(text)\" is not a number of seconds; set it to e.g. 30")
        }
        return value
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

    /// A count where `false` means off (GoodJob's cleanup intervals): nil when unset.
    func intOrFalse(_ name: String) throws -> Int?? {
        guard let text = string(name) else { return nil }
        if text.lowercased() == "false" { return .some(nil) }
        return .some(try int(name))
    }

    func doubleOrFalse(_ name: String) throws -> Double?? {
        guard let text = string(name) else { return nil }
        if text.lowercased() == "false" { return .some(nil) }
        return .some(try double(name))
    }
}
