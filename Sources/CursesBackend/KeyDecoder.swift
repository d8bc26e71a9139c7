import CNCurses
import TerminalKit

/// Turns what `wget_wch` returned into a TerminalKit `Key`.
enum KeyDecoder {
    /// `status` is `OK` (a character in `code`) or `KEY_CODE_YES` (a function key in `code`).
    static func key(status: Int32, code: UInt32) -> Key? {
        if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: code)) }
        guard status == OK else { return nil }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A mouse report as `gaffer_read_mouse` classed it: 1 left press, 2 wheel up, 3 wheel down.
    static func mouse(kind: Int32, x: Int32, y: Int32) -> Key? {
        switch kind {
        case 1: .mouse(MouseEvent(.click, x: Int(x), y: Int(y)))
        case 2: .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
        case 3: .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
        default: nil
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        default:
            let f0 = gaffer_key_f(0)
            if code > f0, code <= f0 + 24 { return .function(Int(code - f0)) }
            return nil
        }
    }
}
