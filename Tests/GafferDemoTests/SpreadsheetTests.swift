import Testing
@testable import GafferDemo

@Suite("demo spreadsheets")
struct SpreadsheetTests {
    @Test func csvReadsQuotedFieldsCommasAndEscapedQuotes() throws {
        let table = try CSVTable.parse("handle,bio\r\n\"lucia, the baker\",\"says \"\"hi\"\"\"\nkai,\n", sheet: "MASTER")
        #expect(table.header == ["handle", "bio"])
        #expect(table.rows == [["lucia, the baker", "says \"hi\""], ["kai", ""]])
    }

    @Test func aRowWithTheWrongFieldCountNamesTheRow() {
        #expect(throws: BulkImportError(.fieldCount(row: 3, found: 3, expected: 2), sheet: "MASTER")) {
            try CSVTable.parse("a,b\n1,2\n1,2,3\n", sheet: "MASTER")
        }
    }

    @Test func theShippedInfluencerSheetHasEveryColumnTheJobReads() throws {
        let records = try DemoWorkbooks.influencers.sheet("MASTER")
            .records(requiring: ["handle", "platform", "followers", "media_plan_id"], sheet: "MASTER")
        #expect(records.count == 10)
        #expect(records[2]["handle"] == "lucia, the baker")
    }

    @Test func theBrokenUploadIsRefusedWithAReadableReason() {
        do {
            _ = try DemoWorkbooks.brokenInfluencers.sheet("MASTER")
            Issue.record("the broken workbook was read")
        } catch {
            #expect(error.errorDescription == #"influencers_FINAL_v3.xlsx has no sheet "MASTER" (it has "Sheet1"); upload the template with a "MASTER" sheet"#)
        }
    }

    @Test func missingColumnsAreListed() throws {
        let table = try CSVTable.parse("handle\nx\n", sheet: "template")
        #expect(throws: BulkImportError(.missingColumns(["url", "platform"], found: ["handle"]), sheet: "template")) {
            try table.records(requiring: ["url", "platform", "handle"], sheet: "template")
        }
    }
}
