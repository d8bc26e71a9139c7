import Testing
@testable import TerminalKit

@Suite struct StatusLineTests {
    private func draw(_ line: StatusLine, width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: 1)
        line.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    @Test func leftAndRightTextWithPadding() {
        let status = StatusLine("connected to gaffer_dev", right: "80×24 12:00:01")
        #expect(draw(status, width: 40).text() == " connected to gaffer_dev 80×24 12:00:01")
        #expect(draw(status, width: 40).styleMask(legend: [.status: "S"]) == String(repeating: "S", count: 40))
    }

    @Test func theLeftTextIsCutFirst() {
        let status = StatusLine("connected to gaffer_dev", right: "80×24 12:00:01")
        #expect(draw(status, width: 30).text() == " connected to… 80×24 12:00:01")
        #expect(draw(status, width: 16).text() == " 80×24 12:00:01")
        #expect(draw(status, width: 8).text() == " 80×24…")
    }

    @Test func errorRoleAndUntrustedText() {
        let status = StatusLine("retry failed: \u{1b}[31mboom", role: .statusError)
        let buffer = draw(status, width: 30)
        #expect(buffer.text() == #" retry failed: \e[31mboom"#)
        #expect(buffer.styleMask(legend: [.statusError: "E"]) == String(repeating: "E", count: 30))
    }
}
