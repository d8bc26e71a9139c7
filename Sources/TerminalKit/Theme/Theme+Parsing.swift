extension Theme {
    /// Parses the text of a `.theme` file.
    ///
    /// Format, one definition per line: `role = [colour] [on colour] [attribute…]`, where a
    /// colour is `default`, `black red green yellow blue magenta cyan white`, `bright-<name>`
    /// or a palette index 0–255, and an attribute is `bold dim italic underline reverse`.
    /// `#` starts a comment; blank lines are ignored. Unknown roles, unknown words and
    /// duplicate roles are errors: typos should be found, not ignored.
    public static func parse(_ text: String, name: String) throws(ThemeParseError) -> Theme {
        var styles: [ThemeRole: ResolvedStyle] = [:]
        var definedOn: [ThemeRole: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            let line = ThemeLine(themeName: name, number: index + 1)
            let content = trimmed(withoutComment(rawLine))
            if content.isEmpty { continue }

            guard let equals = content.firstIndex(of: "=") else { throw line.error(.missingEquals, content) }
            let roleName = trimmed(content[..<equals])
            guard let role = ThemeRole(rawValue: roleName) else {
                let suggestion = Suggestion.closest(to: roleName, in: ThemeRole.allCases.map(\.rawValue))
                throw line.error(.unknownRole, roleName, suggestion: suggestion)
            }
            if let firstLine = definedOn[role] { throw line.error(.duplicateRole(firstLine: firstLine), roleName) }

            let tokens = content[content.index(after: equals)...].split(whereSeparator: \.isWhitespace).map(String.init)
            guard !tokens.isEmpty else { throw line.error(.emptyStyle, roleName) }
            styles[role] = try parseStyle(tokens, line: line)
            definedOn[role] = line.number
        }
        return Theme(name: name, styles: styles)
    }

    /// Parses the words after `=`: colours, `on <colour>` and attributes, in any order.
    private static func parseStyle(_ tokens: [String], line: ThemeLine) throws(ThemeParseError) -> ResolvedStyle {
        var foreground: Color?
        var background: Color?
        var attributes: TextAttributes = []
        var position = 0
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token == "on" {
                guard position < tokens.count, !isKeyword(tokens[position]) else { throw line.error(.missingBackground, token) }
                let colorToken = tokens[position]
                position += 1
                let color = try parseColor(colorToken, line: line)
                guard background == nil else { throw line.error(.secondBackground, colorToken) }
                background = color
            } else if let attribute = TextAttributes.named.first(where: { $0.name == token }) {
                attributes.insert(attribute.attribute)
            } else {
                let color = try parseColor(token, line: line)
                guard foreground == nil else { throw line.error(.secondForeground, token) }
                foreground = color
            }
        }
        return ResolvedStyle(foreground: foreground ?? .default, background: background ?? .default, attributes: attributes)
    }

    private static func parseColor(_ token: String, line: ThemeLine) throws(ThemeParseError) -> Color {
        if let color = Color(name: token) { return color }
        if isRGB(token) { throw line.error(.rgbColor, token) }
        if token.allSatisfy({ $0.isASCII && $0.isNumber }) { throw line.error(.colorOutOfRange, token) }
        let vocabulary = Color.allNames + TextAttributes.named.map(\.name) + ["on"]
        throw line.error(.unknownToken, token, suggestion: Suggestion.closest(to: token, in: vocabulary))
    }

    /// `on` or an attribute name: words that cannot be a colour.
    private static func isKeyword(_ token: String) -> Bool {
        token == "on" || TextAttributes.named.contains { $0.name == token }
    }

    /// `#rgb` or `#rrggbb`.
    private static func isRGB(_ token: some StringProtocol) -> Bool {
        token.first == "#" && (token.count == 4 || token.count == 7) && token.dropFirst().allSatisfy(\.isHexDigit)
    }

    /// The line up to its comment: a `#` that does not start an RGB colour (those get their own error).
    private static func withoutComment(_ line: Substring) -> Substring {
        var rest = line[...]
        while let hash = rest.firstIndex(of: "#") {
            let word = line[hash...].prefix { !$0.isWhitespace }
            if !isRGB(word) { return line[..<hash] }
            rest = line[word.endIndex...]
        }
        return line
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// Where in a theme file the parser is, for building errors.
private struct ThemeLine {
    let themeName: String
    let number: Int

    func error(_ code: ThemeParseError.Code, _ token: String, suggestion: String? = nil) -> ThemeParseError {
        ThemeParseError(code, themeName: themeName, line: number, token: token, suggestion: suggestion)
    }
}
