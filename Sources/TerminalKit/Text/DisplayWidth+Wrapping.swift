extension DisplayWidth {
    /// Splits `text` into lines at most `width` columns wide, breaking at spaces where it can.
    ///
    /// Existing line breaks are kept; a word wider than `width` is cut between grapheme
    /// clusters. Sanitize untrusted text (with `multiline: true`) before wrapping it.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = word
                var wordWidth = of(String(word))
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                // A word wider than the line is cut in one pass (a 64 kB word must not cost a rescan per line).
                while wordWidth > width {
                    var end = word.startIndex
                    var headWidth = 0
                    while end < word.endIndex, headWidth + of(word[end]) <= width {
                        headWidth += of(word[end])
                        end = word.index(after: end)
                    }
                    guard end > word.startIndex else { break }  // a wide character in a 1-column width
                    lines.append(String(word[..<end]))
                    word = word[end...]
                    wordWidth -= headWidth
                }
                line = String(word)
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
