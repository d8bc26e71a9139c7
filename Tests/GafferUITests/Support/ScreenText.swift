import Foundation
import GafferMonitorModel
import GafferMonitor
@testable import GafferUI
import TerminalKit

/// The screen or one pane as text, for snapshot tests at the sizes issue 14 asks for.
enum ScreenText {
    /// The minimum, a common and a large terminal.
    static let sizes: [Size] = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    static func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.width)x\(size.height)" }

    static func screen(_ snapshot: MonitorSnapshot, _ state: UIState = UIState(hasLocalWorker: true), size: Size) -> String {
        MonitorUI.render(snapshot, state, width: size.width, height: size.height).text()
    }

    /// One pane's frame and rows, cut from the whole screen.
    static func pane(_ pane: Pane, _ snapshot: MonitorSnapshot, _ state: UIState = UIState(hasLocalWorker: true),
                     size: Size) -> String {
        let buffer = MonitorUI.render(snapshot, state, width: size.width, height: size.height)
        let body = MonitorUI.screenRows(buffer.bounds)[1]
        return MonitorUI.paneAreas(body)[pane].map { buffer.text(in: $0) } ?? ""
    }

    /// The lines of `text` that contain `needle`.
    static func lines(_ text: String, containing needle: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains(needle) }
    }
}
