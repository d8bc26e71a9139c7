extension DisplayWidth {
    /// Cuts `text` to at most `width` columns, ending with `ellipsis` when something was cut.
    ///
    /// A wide character is never split: if only one column is left for it, the result is one
    /// column narrower than `width`. When even the ellipsis does not fit, the text is cut
    /// without it.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > budget { break }
            result.append(character)
            used += characterWidth
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Pads `text` with spaces to exactly `width` columns; text already that wide is returned unchanged.
    public static func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: missing - before)
        }
    }

    /// Truncates, then pads: the result is exactly `width` columns wide (for `width` ≥ 0).
    public static func fit(_ text: String, toWidth width: Int, alignment: TextAlignment = .left, ellipsis: String = "…") -> String {
        pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, alignment: alignment)
    }
}
