import Testing
@testable import TerminalKit

@Suite struct FrameTests {
    @Test func boxWithTitle() {
        var buffer = CellBuffer(width: 20, height: 4)
        let inner = Frame(title: "Jobs").render(into: &buffer, area: buffer.bounds)
        #expect(inner == Rect(x: 1, y: 1, width: 18, height: 2))
        #expect(buffer.text() == """
            ┌─ Jobs ───────────┐
            │                  │
            │                  │
            └──────────────────┘
            """)
    }

    @Test func trailingTextSitsAtTheRightOfTheTopBorder() {
        var buffer = CellBuffer(width: 20, height: 3)
        Frame(title: "Jobs", trailing: "3 jobs").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text().split(separator: "\n").first == "┌─ Jobs ── 3 jobs ─┐")
    }

    @Test func trailingTextIsDroppedBeforeTheTitleIsCut() {
        var buffer = CellBuffer(width: 16, height: 2)
        Frame(title: "Queues", trailing: "updated 5s ago").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == """
            ┌─ Queues ─────┐
            └──────────────┘
            """)
    }

    /// A job list named after a long concurrency key still says how many jobs it holds.
    @Test func aLongTitleIsCutBeforeTheTrailingTextIsLeftOut() {
        var buffer = CellBuffer(width: 40, height: 2)
        Frame(title: "Jobs · concurrency key SocialMediaPublicationDailySyncJob", trailing: "last 100 of 108")
            .render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == """
            ┌─ Jobs · concurre… ─ last 100 of 108 ─┐
            └──────────────────────────────────────┘
            """)
    }

    @Test func longTitlesAreCutWithAnEllipsis() {
        var buffer = CellBuffer(width: 14, height: 2)
        Frame(title: "Processes and threads").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text() == """
            ┌─ Process… ─┐
            └────────────┘
            """)
    }

    @Test func focusedFrameUsesTheFocusedBorderRole() {
        var buffer = CellBuffer(width: 10, height: 3)
        Frame(title: "Log", isFocused: true).render(into: &buffer, area: buffer.bounds)
        let legend: [ThemeRole: Character] = [.borderFocused: "F", .border: "b", .title: "T", .text: "."]
        #expect(buffer.styleMask(legend: legend) == """
            FFFTTTFFFF
            F........F
            FFFFFFFFFF
            """)
        var unfocused = CellBuffer(width: 10, height: 3)
        Frame(title: "Log").render(into: &unfocused, area: unfocused.bounds)
        #expect(unfocused.styleMask(legend: legend).split(separator: "\n")[0] == "bbbTTTbbbb")
    }

    @Test func frameInsideALargerBufferClearsItsInside() {
        var buffer = CellBuffer(width: 12, height: 5)
        buffer.fill(buffer.bounds, with: "x")
        let inner = Frame(title: "漢字").render(into: &buffer, area: Rect(x: 1, y: 1, width: 10, height: 3))
        #expect(inner == Rect(x: 2, y: 2, width: 8, height: 1))
        #expect(buffer.text() == """
            xxxxxxxxxxxx
            x┌─ 漢字 ─┐x
            x│        │x
            x└────────┘x
            xxxxxxxxxxxx
            """)
    }

    @Test func untrustedTitlesAreSanitized() {
        var buffer = CellBuffer(width: 20, height: 2)
        Frame(title: "\u{1b}]0;x\u{07}").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.text().hasPrefix(#"┌─ \e]0;x\a ─"#))
    }

    @Test func tooSmallAreasDrawNothing() {
        var buffer = CellBuffer(width: 5, height: 5)
        let inner = Frame(title: "x").render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 5))
        #expect(inner.isEmpty)
        #expect(buffer == CellBuffer(width: 5, height: 5))
    }
}
