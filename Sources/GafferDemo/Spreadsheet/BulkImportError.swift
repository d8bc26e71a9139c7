import Foundation

/// Why an uploaded spreadsheet cannot be imported; the bulk jobs discard on it (`discard_on StandardError`).
public struct BulkImportError: Error, LocalizedError, Equatable {
    public enum Code: Sendable, Equatable {
        case missingSheet(found: [String])
        case emptySheet
        case unterminatedQuote(line: Int)
        case fieldCount(row: Int, found: Int, expected: Int)
        case missingColumns([String], found: [String])
        case badValue(row: Int, column: String, value: String)
    }

    public let code: Code
    public let sheet: String
    public var file: String = ""

    init(_ code: Code, sheet: String) {
        self.code = code
        self.sheet = sheet
    }

    public var errorDescription: String? {
        let place = file.isEmpty ? "sheet \"\(sheet)\"" : "\(file), sheet \"\(sheet)\""
        switch code {
        case .missingSheet(let found):
            return "\(file) has no sheet \"\(sheet)\" (it has \(found.map { "\"\($0)\"" }.joined(separator: ", "))); upload the template with a \"\(sheet)\" sheet"
        case .emptySheet:
            return "\(place) is empty; the first row must name the columns"
        case .unterminatedQuote(let line):
            return "\(place): a quoted field opened before line \(line) never closes"
        case .fieldCount(let row, let found, let expected):
            return "\(place) row \(row) has \(found) fields, the header has \(expected)"
        case .missingColumns(let missing, let found):
            return "\(place) lacks column(s) \(missing.joined(separator: ", ")) (found: \(found.joined(separator: ", ")))"
        case .badValue(let row, let column, let value):
            return "\(place) row \(row): \"\(value)\" is not a valid \(column)"
        }
    }
}
