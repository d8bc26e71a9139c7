import Testing
@testable import TerminalKit

@Suite struct SparklineTests {
    @Test func barsScaleToTheLargestValue() {
        #expect(Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]).glyphs(width: 9) == " ▁▂▃▄▅▆▇█")
    }

    @Test func newestValuesAreAtTheRight() {
        #expect(Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]).glyphs(width: 4) == "▅▆▇█")
        #expect(Sparkline([8, 4]).glyphs(width: 5) == "   █▄")
    }

    @Test func smallValuesStillShowAndZeroIsBlank() {
        #expect(Sparkline([1, 1000, 0]).glyphs(width: 3) == "▁█ ")
        #expect(Sparkline([0, 0, 0]).glyphs(width: 3) == "   ")
        #expect(Sparkline([Int]()).glyphs(width: 2) == "  ")
        #expect(Sparkline([-5.0, 2.5]).glyphs(width: 2) == " █")
    }

    @Test func fixedMaximum() {
        #expect(Sparkline([5, 20], maximum: 10).glyphs(width: 2) == "▄█")
    }

    @Test func renderUsesTheSparklineRole() {
        var buffer = CellBuffer(width: 6, height: 2)
        Sparkline([1, 2, 3]).render(into: &buffer, area: Rect(x: 1, y: 1, width: 4, height: 1))
        #expect(buffer.text() == "\n  ▃▆█")
        #expect(buffer.styleMask(legend: [.sparkline: "s", .text: "."]) == "......\n.ssss.")
    }
}
