import Testing
@testable import TerminalKit

@Suite struct GaugeTests {
    private func draw(_ gauge: Gauge, width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: 1)
        gauge.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    @Test(arguments: [
        (3, 10, 20, "████▌░░░░░░░░░░ 3/10"),
        (10, 10, 12, "██████ 10/10"),
        (0, 5, 10, "░░░░░░ 0/5"),
        (1, 1000, 10, "▏░░ 1/1000"),
        (12, 10, 12, "██████ 12/10"),
        (4, 0, 7, "███ 4/0"),
        (0, 0, 7, "░░░ 0/0"),
        (3, 10, 6, "3/10"),
    ])
    func bars(used: Int, limit: Int, width: Int, expected: String) {
        #expect(draw(Gauge(used: used, limit: limit), width: width).text() == expected)
    }

    @Test func fillEmptyAndLabelRoles() {
        let legend: [ThemeRole: Character] = [.gaugeFill: "F", .gaugeEmpty: "E", .text: ".", .warning: "W"]
        #expect(draw(Gauge(used: 3, limit: 10), width: 20).styleMask(legend: legend) == "FFFFFEEEEEEEEEE.....")
        #expect(draw(Gauge(used: 12, limit: 10), width: 12).styleMask(legend: legend) == "WWWWWW......")
    }

    @Test func customLabel() {
        #expect(draw(Gauge(used: 5, limit: 10, label: "50%"), width: 10).text() == "███░░░ 50%")
    }
}
