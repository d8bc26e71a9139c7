/// An uploaded spreadsheet: named sheets of CSV text (the demo's stand-in for an .xlsx file).
struct Workbook: Sendable {
    let fileName: String
    let sheets: [(name: String, csv: String)]

    /// The named sheet, parsed.
    func sheet(_ name: String) throws(BulkImportError) -> CSVTable {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            var error = BulkImportError(.missingSheet(found: sheets.map(\.name)), sheet: name)
            error.file = fileName
            throw error
        }
        do {
            return try CSVTable.parse(sheet.csv, sheet: name)
        } catch {
            var named = error
            named.file = fileName
            throw named
        }
    }
}
