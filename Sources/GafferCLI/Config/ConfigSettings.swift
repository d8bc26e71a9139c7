import GafferConfig
import GafferMonitorModel
import GafferUI
import TerminalKit

/// What a config file sets, each value checked and its line kept for later errors (a theme that
/// does not load); unset settings stay nil so flags and defaults decide.
struct ConfigSettings {
    /// The file read, as errors name it; nil when there is none.
    var path: String?
    var theme: (name: String, line: Int)?
    var interval: Double?
    var bell: Bool?
    var alerts: [AlertMetric: AlertLimit] = [:]
    var remaps: [KeyTable.Remap] = []

    static let none = ConfigSettings()

    /// The settings in `document`; throws `ConfigProblem` naming the line of the first bad entry.
    static func interpret(_ document: ConfigDocument, path: String) throws(ConfigProblem) -> ConfigSettings {
        var settings = ConfigSettings(path: path)
        for table in document.tables where !["alerts", "keys"].contains(table.name) {
            let hint = Suggestion.closest(to: table.name, in: ["alerts", "keys"]).map { " (did you mean [\($0)]?)" } ?? ""
            throw ConfigProblem(line: table.line, "unknown table [\(Sanitizer.visible(table.name))]\(hint); the tables are [alerts] and [keys]")
        }
        for entry in document.entries {
            switch entry.table {
            case "alerts": try settings.alert(entry)
            case "keys": try settings.remap(entry)
            default: try settings.top(entry)
            }
        }
        return settings
    }

    private mutating func top(_ entry: ConfigEntry) throws(ConfigProblem) {
        switch entry.key {
        case "theme":
            guard case .string(let name) = entry.value, !name.isEmpty else {
                throw ConfigProblem(line: entry.line, "theme = \(entry.value): give a theme name or path in quotes, e.g. theme = \"light\"")
            }
            theme = (name, entry.line)
        case "interval":
            let input = NumberInput.refreshInterval
            let number: Double? = switch entry.value {
            case .integer(let n): Double(n)
            case .float(let n): n
            default: nil
            }
            guard let number, input.range.contains(number) else {
                throw ConfigProblem(line: entry.line, "interval = \(entry.value): \(input.accepted)")
            }
            interval = number
        case "bell":
            guard case .bool(let on) = entry.value else {
                throw ConfigProblem(line: entry.line, "bell = \(entry.value): write bell = true or bell = false")
            }
            bell = on
        default:
            throw ConfigProblem(line: entry.line, Self.unknown(entry.key, known: ["theme", "interval", "bell"], where: "at the top"))
        }
    }

    private mutating func alert(_ entry: ConfigEntry) throws(ConfigProblem) {
        guard let metric = AlertMetric.allCases.first(where: { $0.option == entry.key }) else {
            throw ConfigProblem(line: entry.line, Self.unknown(entry.key, known: AlertMetric.allCases.map(\.option), where: "in [alerts]"))
        }
        let text: String
        switch entry.value {
        case .string(let given): text = given
        case .integer(let number): text = String(number)
        default:
            throw ConfigProblem(line: entry.line, "\(entry.key) = \(entry.value): write it in quotes, e.g. \(entry.key) = \"\(metric.defaultLimit.text(for: metric))\"")
        }
        do {
            alerts[metric] = try AlertLimit.parse(text, for: metric)
        } catch {
            throw ConfigProblem(line: entry.line, "\(entry.key) = \(entry.value): \(error.accepted)")
        }
    }

    private mutating func remap(_ entry: ConfigEntry) throws(ConfigProblem) {
        let names: [String]
        switch entry.value {
        case .string(let name): names = [name]
        case .array(let values):
            var list: [String] = []
            for value in values {
                guard case .string(let name) = value else {
                    throw ConfigProblem(line: entry.line, "\(entry.key) = \(entry.value): list keys in quotes, e.g. [\"U\", \"F5\"]")
                }
                list.append(name)
            }
            names = list
        default:
            throw ConfigProblem(line: entry.line, "\(entry.key) = \(entry.value): give a key in quotes, e.g. \(entry.key) = \"U\"")
        }
        var keys: [Key] = []
        for name in names {
            guard let key = Key(name: name) else {
                throw ConfigProblem(line: entry.line, "\(entry.key) = \(entry.value): \"\(Sanitizer.visible(name))\" is not a key; "
                    + "write one character (\"U\"), ^X for Ctrl-X, F1…F24, or Enter, Esc, Tab, Space, Up, Down, PgUp, PgDn, Home, End")
            }
            keys.append(key)
        }
        let remap = KeyTable.Remap(action: entry.key, keys: keys)
        do {
            _ = try KeyTable(remapping: [remap])
        } catch {
            throw ConfigProblem(line: entry.line, "\(entry.key) = \(entry.value): \(error)")
        }
        remaps.append(remap)
        remapLines[remaps.count - 1] = entry.line
    }

    /// The line of each remap, for a clash that only shows once all are applied.
    var remapLines: [Int: Int] = [:]

    /// The key table with every remap; a clash between two remaps names the later one's line.
    func keyTable() throws(ConfigProblem) -> KeyTable {
        var applied: [KeyTable.Remap] = []
        for (index, remap) in remaps.enumerated() {
            applied.append(remap)
            do { _ = try KeyTable(remapping: applied) } catch {
                throw ConfigProblem(line: remapLines[index] ?? 0, "\(remap.action): \(error)")
            }
        }
        do { return try KeyTable(remapping: applied) } catch { throw ConfigProblem(line: 0, "\(error)") }
    }

    static func unknown(_ key: String, known: [String], where place: String) -> String {
        let hint = Suggestion.closest(to: key, in: known).map { "did you mean \($0)? " } ?? ""
        return "unknown setting \(Sanitizer.visible(key)) \(place): \(hint)the settings there are \(known.joined(separator: ", "))"
    }
}

/// A bad config entry: its line and the fix (the file's path is added where it is reported).
struct ConfigProblem: Error {
    var line: Int
    var message: String

    init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }
}
