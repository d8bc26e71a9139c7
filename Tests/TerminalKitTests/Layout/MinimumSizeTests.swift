import Testing
@testable import TerminalKit

/// The too-small message: the whole line when it fits, shorter forms down to one cell, never a crash.
@Suite struct MinimumSizeTests {
    let requirement = MinimumSize(width: 80, height: 24)

    @Test func largeEnoughHasNoProblem() {
        #expect(requirement.problem(for: Size(width: 80, height: 24)) == nil)
        #expect(requirement.problem(for: Size(width: 120, height: 40)) == nil)
        #expect(requirement.problemLines(for: Size(width: 80, height: 24)) == nil)
        var large = CellBuffer(width: 80, height: 24)
        #expect(!requirement.drawProblem(into: &large))
    }

    @Test func theProblemNamesBothSizes() {
        #expect(requirement.problem(for: Size(width: 79, height: 30)) == "terminal too small: 79×30, need 80×24")
        #expect(requirement.problem(for: Size(width: 100, height: 10)) == "terminal too small: 100×10, need 80×24")
    }

    @Test(arguments: [
        (Size(width: 60, height: 15), ["terminal too small: 60×15, need 80×24"]),
        (Size(width: 20, height: 5), ["terminal too small:", "20×5, need 80×24"]),
        (Size(width: 20, height: 1), ["need 80×24"]),
        (Size(width: 10, height: 1), ["need 80×24"]),
        (Size(width: 5, height: 2), ["need", "80×24"]),
        (Size(width: 5, height: 1), ["80×24"]),
        (Size(width: 4, height: 4), ["!"]),
        (Size(width: 1, height: 1), ["!"]),
        (Size(width: 0, height: 0), []),
        (Size(width: 30, height: 0), []),
    ])
    func theMessageShrinksToFit(size: Size, lines: [String]) {
        #expect(requirement.problemLines(for: size) == lines)
    }

    @Test func aTwentyByFiveTerminalShowsTheWholeMessageCentred() {
        var buffer = CellBuffer(width: 20, height: 5)
        #expect(requirement.drawProblem(into: &buffer))
        #expect(buffer.text() == """

            terminal too small:
              20×5, need 80×24


            """)
    }

    /// Every size from 0×0 to 90×26: the lines fit, something shows in any non-empty terminal.
    @Test func everySmallSizeDrawsWithinItsBounds() {
        for width in 0...90 {
            for height in 0...26 {
                let size = Size(width: width, height: height)
                var buffer = CellBuffer(width: width, height: height)
                let drawn = requirement.drawProblem(into: &buffer)
                #expect(drawn == !size.satisfies(minimum: requirement.minimum))
                guard drawn, let lines = requirement.problemLines(for: size) else { continue }
                #expect(lines.count <= height && lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(size)")
                if width > 0 && height > 0 {
                    #expect(!buffer.text().allSatisfy { $0 == " " || $0 == "\n" }, "blank at \(size)")
                }
            }
        }
    }
}
