import Testing
@testable import TerminalKit

@Suite struct SanitizerTests {
    @Test func terminalEscapeSequencesBecomeVisible() {
        let hostile = "\u{1b}[2J\u{1b}]0;pwned\u{07}"
        #expect(Sanitizer.visible(hostile) == #"\e[2J\e]0;pwned\a"#)
    }

    /// Arguments are scalar values, not strings, so the test log itself stays free of control characters.
    @Test(arguments: [
        (0x1B, #"\e"#), (0x07, #"\a"#), (0x08, #"\b"#), (0x09, #"\t"#), (0x0D, #"\r"#), (0x0A, #"\n"#),
        (0x00, #"\x00"#), (0x01, #"\x01"#), (0x1F, #"\x1f"#), (0x7F, #"\x7f"#), (0x80, #"\u{80}"#),
        (0x9B, #"\u{9b}"#), (0x9F, #"\u{9f}"#), (0x202E, #"\u{202e}"#), (0x2066, #"\u{2066}"#), (0x2069, #"\u{2069}"#),
    ] as [(UInt32, String)])
    func eachControlHasAVisibleEscape(scalar: UInt32, expected: String) throws {
        let input = String(try #require(Unicode.Scalar(scalar)))
        #expect(Sanitizer.visible(input) == expected)
        #expect(Sanitizer.visible("<" + input + ">") == "<" + expected + ">")
    }

    @Test func crlfIsTwoEscapesEvenThoughItIsOneCharacter() {
        #expect(Sanitizer.visible("a\r\nb") == #"a\r\nb"#)
    }

    @Test func multilineKeepsLineFeedsOnly() {
        #expect(Sanitizer.visible("one\ntwo\r\n\tthree", multiline: true) == "one\ntwo\\r\n\\tthree")
    }

    @Test func bidiOverridesCannotReorderText() {
        // "evil\u{202E}gpj.exe" would display as "evilexe.jpg".
        #expect(Sanitizer.visible("evil\u{202E}gpj.exe") == #"evil\u{202e}gpj.exe"#)
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["", "plain ascii", "héllo 世界", "👨‍👩‍👧 🇫🇷 e\u{301}", "path\\with\\backslashes", "\u{200D}\u{FE0F}"] {
            #expect(Sanitizer.visible(text) == text)
        }
    }

    @Test func sanitizingTwiceChangesNothing() {
        let once = Sanitizer.visible("\u{1b}[31mred\u{9b}\u{202e}\n")
        #expect(Sanitizer.visible(once) == once)
    }

    /// Every scalar from U+0000 to U+2FFF, alone and between letters: no control survives.
    @Test(arguments: [false, true])
    func noControlScalarSurvives(multiline: Bool) {
        var everything = String.UnicodeScalarView()
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            everything.append(scalar)
            everything.append("x")
            #expect(firstUnsafeScalar(in: Sanitizer.visible(String(scalar), multiline: multiline), multiline: multiline) == nil)
        }
        #expect(firstUnsafeScalar(in: Sanitizer.visible(String(everything), multiline: multiline), multiline: multiline) == nil)
    }

    /// The value of the first scalar a terminal would act on (reported as a number, so a failure prints safely).
    private func firstUnsafeScalar(in text: String, multiline: Bool) -> UInt32? {
        text.unicodeScalars.first { scalar in
            let value = scalar.value
            if value == 0x0A { return !multiline }
            return value < 0x20 || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }?.value
    }
}
