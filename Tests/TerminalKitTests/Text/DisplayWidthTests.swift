import Testing
@testable import TerminalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("é", 1), ("─", 1), ("…", 1), ("·", 1),
        ("漢", 2), ("字", 2), ("ア", 2), ("한", 2), ("Ａ", 2), ("　", 2), ("ｱ", 1),
        ("😀", 2), ("🚀", 2), ("⌚", 2), ("🫨", 2),
    ] as [(Character, Int)])
    func singleCharacters(character: Character, width: Int) {
        #expect(DisplayWidth.of(character) == width)
    }

    @Test func combiningMarksJoinTheirBase() {
        let decomposed: Character = "e\u{301}"
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("Z\u{335}\u{30C}\u{341}a") == 2)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // 각 from conjoining jamo
    }

    @Test func emojiSequencesAreOneWideCluster() {
        let family = "👨‍👩‍👧‍👦"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)           // skin tone modifier
        #expect(DisplayWidth.of("🏳️‍🌈") == 2)          // flag + VS16 + ZWJ + rainbow
        #expect(DisplayWidth.of("🇫🇷") == 2)            // regional indicator pair
        #expect(DisplayWidth.of("🇫🇷🇩🇪") == 4)
        #expect(DisplayWidth.of("\u{1F1EB}") == 2)    // a lone regional indicator still has emoji presentation
        #expect(DisplayWidth.of("1️⃣") == 2)             // keycap
    }

    @Test func variationSelectorsChoosePresentation() {
        #expect(DisplayWidth.of("\u{2764}") == 1)        // ❤ text presentation by default
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)
        #expect(DisplayWidth.of("\u{FE0F}") == 0)        // alone: nothing to select
    }

    @Test func zeroWidthAndControlCharacters() {
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\u{7F}") == 0)
        #expect(DisplayWidth.of("\u{9B}") == 0)
        #expect(DisplayWidth.of("\r\n") == 0)
    }

    @Test func stringsSumTheirClusters() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("héllo 世界") == 10)
        #expect(DisplayWidth.of("ok 👨‍👩‍👧 done") == 10)
    }

    @Test func wideTableIsSortedAndDisjoint() {
        for (earlier, later) in zip(wideScalarRanges, wideScalarRanges.dropFirst()) {
            #expect(earlier.upperBound < later.lowerBound)
        }
    }

    @Test(arguments: [
        ("hello world", 8, "hello w…"),
        ("hello", 5, "hello"),
        ("hello", 6, "hello"),
        ("hello", 1, "…"),
        ("hello", 0, ""),
        ("漢字漢字", 5, "漢字…"),
        ("漢字漢字", 4, "漢…"),      // 漢字 would need 4 + 1 for the ellipsis
        ("a漢字", 3, "a…"),
        ("👨‍👩‍👧 family", 4, "👨‍👩‍👧 …"),
    ])
    func truncate(text: String, width: Int, expected: String) {
        let result = DisplayWidth.truncate(text, toWidth: width)
        #expect(result == expected)
        #expect(DisplayWidth.of(result) <= width)
    }

    @Test func truncateWithCustomOrNoEllipsis() {
        #expect(DisplayWidth.truncate("abcdef", toWidth: 5, ellipsis: "...") == "ab...")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 3, ellipsis: "") == "abc")
    }

    @Test func padAndFit() {
        #expect(DisplayWidth.pad("ab", toWidth: 5) == "ab   ")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .right) == "   ab")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("漢", toWidth: 3) == "漢 ")
        #expect(DisplayWidth.pad("toolong", toWidth: 3) == "toolong")
        #expect(DisplayWidth.fit("toolong", toWidth: 4) == "too…")
        #expect(DisplayWidth.fit("漢字漢", toWidth: 4, alignment: .right) == " 漢…")
    }
}

@Suite struct WrappingTests {
    @Test func wrapsAtSpaces() {
        #expect(DisplayWidth.wrap("the quick brown fox jumps", toWidth: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func keepsLineBreaksAndEmptyLines() {
        #expect(DisplayWidth.wrap("a\n\nb c", toWidth: 10) == ["a", "", "b c"])
    }

    @Test func cutsWordsLongerThanTheWidth() {
        #expect(DisplayWidth.wrap("ab ActiveRecord::RecordNotFound", toWidth: 8) == ["ab", "ActiveRe", "cord::Re", "cordNotF", "ound"])
        #expect(DisplayWidth.wrap("漢字漢字漢", toWidth: 5) == ["漢字", "漢字", "漢"])
    }

    /// A 64 kB word (a huge argument) is cut into full lines; before a single pass this took seconds.
    @Test func cutsAHugeWordIntoFullLines() {
        let lines = DisplayWidth.wrap(String(repeating: "x", count: 65_536), toWidth: 100)
        #expect(lines.count == 656 && lines.dropLast().allSatisfy { $0.count == 100 } && lines.last?.count == 36)
        #expect(DisplayWidth.wrap("ab " + String(repeating: "漢", count: 7), toWidth: 5) == ["ab", "漢漢", "漢漢", "漢漢", "漢"])
    }

    @Test func everyLineFits() {
        let text = "Job 漢字 failed: undefined method `call' for nil:NilClass (NoMethodError) 👨‍👩‍👧 retrying"
        for width in 2...30 {
            for line in DisplayWidth.wrap(text, toWidth: width) {
                #expect(DisplayWidth.of(line) <= width)
            }
        }
    }
}
