import Testing
@testable import TerminalKit

@Suite struct KeyHintsTests {
    let hints = KeyHints([
        KeyHint(key: "q", label: "quit", priority: 10),
        KeyHint(key: "?", label: "help", priority: 9),
        KeyHint(key: "/", label: "filter", priority: 1),
        KeyHint(key: "R", label: "retry"),
        KeyHint(key: "K", label: "discard"),
    ])

    private func draw(_ hints: KeyHints, width: Int, height: Int = 1) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        hints.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    @Test func allHintsFitOnAWideRow() {
        #expect(draw(hints, width: 60).text() == "q quit  ? help  / filter  R retry  K discard")
    }

    @Test func lowestPriorityHintsDropFirstAndLaterOnTies() {
        #expect(draw(hints, width: 40).text() == "q quit  ? help  / filter  R retry")
        #expect(draw(hints, width: 20).text() == "q quit  ? help")
        #expect(draw(hints, width: 5).text() == "")
    }

    @Test func hintsReflowOntoMoreRows() {
        #expect(draw(hints, width: 20, height: 2).text() == """
            q quit  ? help
            / filter  R retry
            """)
    }

    @Test func keysLabelsAndDisabledHintsHaveTheirRoles() {
        let bar = KeyHints([KeyHint(key: "q", label: "quit"), KeyHint(key: "R", label: "retry", isEnabled: false)])
        let legend: [ThemeRole: Character] = [.keyHintKey: "K", .keyHint: "l", .keyHintDisabled: "d"]
        #expect(draw(bar, width: 18).styleMask(legend: legend) == "Kllllllldldddddlll")
    }

    @Test func keysWithoutLabels() {
        let bar = KeyHints([KeyHint(key: "Esc", label: ""), KeyHint(key: "Enter", label: "open")])
        #expect(draw(bar, width: 20).text() == "Esc  Enter open")
    }
}
