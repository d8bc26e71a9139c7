/// Why a cron expression was rejected: a code plus the input, field, offending text and its position.
///
/// `position` is 1-based and counts characters of `input` as written (leading spaces included).
/// All user-facing text is built in `description`, one line, naming the input and what is accepted.
public struct CronParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of mistake; stable for callers that branch on it.
    public enum Code: String, Sendable, Hashable {
        /// Not 5 or 6 fields (not counting a trailing time zone).
        case wrongFieldCount
        /// A number outside the field's range, e.g. minute `61`.
        case valueOutOfRange
        /// Text that is neither a number nor an accepted name, e.g. minute `x` or `1-2-3`.
        case invalidValue
        /// A list item with nothing in it, e.g. `1,,2`.
        case emptyListItem
        /// A step (`/n`) that is not a number from 1 to 99.
        case invalidStep
        /// A trailing word that Foundation does not know as a time zone.
        case unknownTimeZone
        /// `@word` that is not one of the macros.
        case unknownMacro
        /// Text after a macro other than one time zone.
        case unexpectedTextAfterMacro
        /// Day-of-month and month can never coincide (`0 0 30 2 *`), so the expression never fires.
        case neverFires
    }

    public let code: Code
    /// The whole expression as given.
    public let input: String
    /// The field at fault, when the mistake is inside one.
    public let field: CronField?
    /// The offending piece of text (a value, a step, a zone), or "" when the mistake is the shape.
    public let token: String
    /// 1-based character position of `token` in `input`, or 0 when the mistake is the shape.
    public let position: Int
    /// Context text: the time zone for `wrongFieldCount`, the macro for `unexpectedTextAfterMacro`,
    /// the month field for `neverFires`.
    let detail: String
    /// Context number: fields found for `wrongFieldCount`, longest allowed month for `neverFires`.
    let count: Int

    init(
        _ code: Code, input: String, field: CronField? = nil, token: String = "", position: Int = 0,
        detail: String = "", count: Int = 0
    ) {
        self.code = code
        self.input = input
        self.field = field
        self.token = token
        self.position = position
        self.detail = detail
        self.count = count
    }

    public var description: String {
        // Line breaks and tabs show as spaces so the message stays one line and positions still line up.
        let shown = String(input.map { $0.isWhitespace ? " " : $0 })
        return "cron \"\(shown)\": " + problem
    }

    private var problem: String {
        let fieldName = field?.name ?? "field"
        let accepted = field?.acceptedText ?? ""
        switch code {
        case .wrongFieldCount:
            let zone = detail.isEmpty ? "" : " before the time zone \"\(detail)\""
            return "expected 5 or 6 fields\(zone), found \(count)"
        case .valueOutOfRange:
            return "\(fieldName) \"\(token)\" at position \(position) is out of range \(accepted)"
        case .invalidValue:
            return "\(fieldName) \"\(token)\" at position \(position) is not valid; expected \(accepted)"
        case .emptyListItem:
            return "\(fieldName) has an empty list item at position \(position); expected \(accepted)"
        case .invalidStep:
            return "\(fieldName) step \"\(token)\" at position \(position) is not valid; expected 1-99"
        case .unknownTimeZone:
            return "unknown time zone \"\(token)\" at position \(position)"
        case .unknownMacro:
            return "unknown macro \"\(token)\" at position \(position); expected "
                + CronMacro.allNames.joined(separator: ", ")
        case .unexpectedTextAfterMacro:
            return "only a time zone may follow \(detail), found \"\(token)\" at position \(position)"
        case .neverFires:
            return "day-of-month \"\(token)\" at position \(position) never occurs in month \"\(detail)\""
                + " (at most \(count) days), so it never fires"
        }
    }
}
