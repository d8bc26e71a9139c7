import Foundation

/// Reads an `ErrorLogFile`: one JSON object per line, each parsed by Foundation's parser (not the product's).
public enum ErrorLogLines {
    public struct NotAnObject: Error, CustomStringConvertible {
        public let line: String
        public var description: String { "not a JSON object: \(line)" }
    }

    public static func read(_ path: String) throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw NotAnObject(line: String(line))
            }
            return object
        }
    }
}
