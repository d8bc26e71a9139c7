import GafferCore
import Testing

@Suite struct OneLineTextTests {
    @Test func controlsBecomeJSONEscapes() {
        #expect(OneLineText.make("a\nb\r\tc\u{1b}[2J\u{07}\u{7f}\u{9b}") == #"a\nb\r\tc\u001b[2J\u0007\u007f\u009b"#)
        #expect(OneLineText.make("plain ünïcode 漢字") == "plain ünïcode 漢字")
    }

    @Test func aLimitCutsAndSaysSo() {
        #expect(OneLineText.make(String(repeating: "x", count: 10), limit: 4) == "xxxx…")
        #expect(OneLineText.make("xxxx", limit: 4) == "xxxx")
    }
}
