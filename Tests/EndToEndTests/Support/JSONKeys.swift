import Foundation
import GafferCore

/// Key paths of a JSON value as the README writes them: `a`, `a.b`, `a[].b`.
enum JSONKeys {
    static func paths(_ value: JSONValue, prefix: String = "") -> Set<String> {
        var out: Set<String> = []
        switch value {
        case .object(let object):
            for entry in object.entries {
                let path = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
                out.insert(path)
                out.formUnion(paths(entry.value, prefix: path))
            }
        case .array(let elements):
            for element in elements { out.formUnion(paths(element, prefix: prefix + "[]")) }
        default:
            break
        }
        return out
    }

    /// The keys the README's "`status --json` keys" table documents.
    static func documented() throws -> Set<String> {
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## `status --json` keys") else { return [] }
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        var keys: Set<String> = []
        for line in section[..<end].split(separator: "\n") {
            if let match = line.firstMatch(of: /^\| `([^`]+)` \|/) { keys.insert(String(match.1)) }
        }
        return keys
    }
}
