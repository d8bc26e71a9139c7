/// One term of the screen's `/` filter as a job list query takes it: a field (nil: free text) and
/// the text it must contain, case-insensitively.
public struct FilterTerm: Sendable, Hashable {
    /// The qualifiers a term may carry: `queue:` `class:` `label:` `error:`.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case queue, jobClass = "class", label, error
    }

    public var field: Field?
    public var text: String

    public init(field: Field? = nil, text: String) {
        self.field = field
        self.text = text
    }
}
