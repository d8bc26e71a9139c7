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
                var word = String(word)
                var wordWidth = of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                while wordWidth > width {
                    let head = truncate(word, toWidth: width, ellipsis: "")
                    guard !head.isEmpty else { break }  // a wide character in a 1-column width
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
