import Testing
@testable import TerminalKit

@Suite struct LayoutTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func headerBodyFooter() {
        let parts = screen.split(rows: [.fixed(1), .fill, .fixed(1)])
        #expect(parts == [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    @Test func percentagesAndWeightedFills() {
        let columns = screen.split(columns: [.percent(25), .fill(2), .fill(1)])
        #expect(columns.map(\.width) == [20, 40, 20])
        #expect(columns.map(\.x) == [0, 20, 60])
    }

    @Test func roundingRemainderGoesToTheFirstFills() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(columns: [.fill, .fill, .fill])
        #expect(parts.map(\.width) == [4, 3, 3])
        #expect(parts.map(\.x) == [0, 4, 7])
    }

    @Test func spacingSitsBetweenParts() {
        let parts = Rect(x: 2, y: 0, width: 21, height: 5).split(columns: [.fill, .fill], spacing: 1)
        #expect(parts == [Rect(x: 2, y: 0, width: 10, height: 5), Rect(x: 13, y: 0, width: 10, height: 5)])
    }

    @Test func fixedPartsShrinkWhenSpaceRunsOut() {
        let parts = Rect(x: 0, y: 5, width: 10, height: 6).split(rows: [.fixed(4), .fixed(4), .fill])
        #expect(parts.map(\.height) == [4, 2, 0])
        #expect(parts.map(\.y) == [5, 9, 11])
    }

    @Test func partsAlwaysAddUpToTheWhole() {
        for total in 0...50 {
            let parts = Rect(x: 0, y: 0, width: total, height: 1).split(columns: [.fixed(3), .percent(30), .fill(1), .fill(3)])
            #expect(parts.map(\.width).reduce(0, +) == total)
        }
    }

    @Test func rectGeometry() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(rect.maxX == 12 && rect.maxY == 7)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(rect.inset(by: 3).isEmpty)
        #expect(rect.contains(x: 2, y: 3) && !rect.contains(x: 12, y: 3))
        #expect(rect.intersection(Rect(x: 10, y: 0, width: 10, height: 4)) == Rect(x: 10, y: 3, width: 2, height: 1))
        #expect(rect.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(rect.row(1) == Rect(x: 2, y: 4, width: 10, height: 1))
        #expect(Rect(x: 0, y: 0, width: -4, height: 2).width == 0)
    }
}
