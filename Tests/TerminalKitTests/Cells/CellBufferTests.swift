import Testing
@testable import TerminalKit

@Suite struct CellBufferTests {
    @Test func newBufferIsBlank() {
        let buffer = CellBuffer(width: 4, height: 2)
        #expect(buffer.text() == "\n")
        #expect(buffer.cells.count == 8)
        #expect(buffer.cells.allSatisfy { $0 == .blank() })
    }

    @Test func putWritesAndReportsColumns() {
        var buffer = CellBuffer(width: 10, height: 2)
        #expect(buffer.put("hello", x: 1, y: 0) == 5)
        #expect(buffer.put("漢字", x: 0, y: 1) == 4)
        #expect(buffer.text() == """
             hello
            漢字
            """)
        #expect(buffer[0, 1].character == "漢")
        #expect(buffer[1, 1].isContinuation)
        #expect(buffer[2, 1].character == "字")
    }

    @Test func putClipsAtTheRightEdge() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("abcdefgh", x: 2, y: 0) == 4)
        #expect(buffer.text() == "  abcd")
    }

    @Test func wideCharacterThatDoesNotFitLeavesABlank() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.fill(buffer.bounds, with: "x")
        #expect(buffer.put("ab漢", x: 2, y: 0, style: Style(.title)) == 3)
        #expect(buffer.text() == "xxab")
        #expect(buffer[4, 0] == .blank(Style(.title)))
    }

    @Test func maxWidthClipsBeforeTheEdge() {
        var buffer = CellBuffer(width: 10, height: 1)
        #expect(buffer.put("漢字漢字", x: 0, y: 0, maxWidth: 5) == 5)
        #expect(buffer.text() == "漢字")
        #expect(buffer[4, 0] == .blank())
        #expect(buffer.put("abc", x: 6, y: 0, maxWidth: 0) == 0)
    }

    @Test func writesOutsideTheGridAreClipped() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.put("abc", x: 0, y: 1) == 0)
        #expect(buffer.put("abc", x: 0, y: -1) == 0)
        #expect(buffer.put("abc", x: 9, y: 0) == 0)
        #expect(buffer.put("abcdef", x: -2, y: 0) == 4)
        #expect(buffer.text() == "cdef")
    }

    @Test func wideCharacterCutByTheLeftEdgeLeavesABlank() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("漢ab", x: -1, y: 0)
        #expect(buffer.text() == " ab")
        #expect(!buffer[0, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.put("漢字", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)  // right half of 漢
        buffer.put("漢字", x: 0, y: 1)
        buffer.put("y", x: 2, y: 1)  // left half of 字
        #expect(buffer.text() == """
             x字
            漢y
            """)
        #expect(!buffer[3, 1].isContinuation)
        assertWideCharactersArePaired(buffer)
    }

    @Test func controlCharactersNeverReachACell() {
        var buffer = CellBuffer(width: 20, height: 1)
        buffer.put("a\u{1b}[2Jb\nc", x: 0, y: 0)
        #expect(buffer.text() == #"a\e[2Jb\nc"#)
        #expect(buffer.cells.allSatisfy { cell in cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 } })
    }

    @Test func combiningMarksStayWithTheirBaseAndLoneMarksAreSkipped() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("\u{301}e\u{301}👍🏽!", x: 0, y: 0) == 4)
        #expect(buffer[0, 0].character == "e\u{301}")
        #expect(buffer[1, 0].character == "👍🏽")
        #expect(buffer.text() == "e\u{301}👍🏽!")
    }

    @Test func fillCoversTheClippedRectangle() {
        var buffer = CellBuffer(width: 5, height: 3)
        buffer.fill(Rect(x: 3, y: 1, width: 10, height: 10), with: "#", style: Style(.border))
        #expect(buffer.text() == """

               ##
               ##
            """)
        #expect(buffer.styleMask(legend: [.text: ".", .border: "B"]) == """
            .....
            ...BB
            ...BB
            """)
    }

    @Test func fillWithAWideCharacterNeverSplitsIt() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.fill(buffer.bounds, with: "漢")
        #expect(buffer.text() == "漢漢")
        assertWideCharactersArePaired(buffer)
    }

    @Test func restyleKeepsWideCharactersInOneStyle() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("漢字", x: 0, y: 0)
        buffer.restyle(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(.selection))
        #expect(buffer.styleMask(legend: [.text: ".", .selection: "S"]) == "SSSS")
        #expect(buffer.text() == "漢字")
    }

    @Test func styleMaskTellsAttributesApartWithStyleKeys() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("ab", x: 0, y: 0, style: Style(.title, .bold))
        buffer.put("c", x: 2, y: 0, style: Style(.title))
        let mask = buffer.styleMask(legend: [Style(.title, .bold): "B", Style(.title): "t", .plain: "."])
        #expect(mask == "BBt.")
        #expect(buffer.styleMask(legend: [.title: "T"]) == "TTT?")
    }

    @Test func textTrimsTrailingSpacesOnly() {
        var buffer = CellBuffer(width: 8, height: 2)
        buffer.put("  a b  ", x: 0, y: 0)
        #expect(buffer.text() == "  a b\n")
    }

    @Test func emptyAndDegenerateSizes() {
        var buffer = CellBuffer(width: 0, height: -3)
        #expect(buffer.size == Size(width: 0, height: 0))
        #expect(buffer.put("abc", x: 0, y: 0) == 0)
        #expect(buffer.text() == "")
    }
}

/// Every wide character is followed by a continuation cell, and every continuation follows one.
func assertWideCharactersArePaired(_ buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    for y in 0..<buffer.height {
        for x in 0..<buffer.width {
            let cell = buffer[x, y]
            if cell.isContinuation {
                #expect(x > 0 && buffer[x - 1, y].width == 2, "orphan continuation at \(x),\(y)", sourceLocation: sourceLocation)
            } else if cell.width == 2 {
                #expect(x + 1 < buffer.width && buffer[x + 1, y].isContinuation, "unpaired wide character at \(x),\(y)", sourceLocation: sourceLocation)
            }
        }
    }
}
