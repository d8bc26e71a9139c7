import GafferCore
import GafferMonitorModel

/// The `/` filter: space-separated terms, each matching any column or, with a qualifier
/// (`queue:` `class:` `label:` `error:`), one field; a leading `!` inverts a term.
///
/// Matching is case-insensitive substring matching. In a job list every term, `!` ones included,
/// narrows the database query (`narrowing`), so it holds over the whole table, not the loaded page.
public struct Filter: Sendable, Hashable {
    public typealias Field = FilterTerm.Field

    public struct Term: Sendable, Hashable {
        public var field: Field?
        public var value: String
        public var negated: Bool
    }

    public private(set) var text: String
    public private(set) var terms: [Term]

    public init(_ text: String = "") {
        self.text = text
        self.terms = text.split(separator: " ").compactMap { Self.term(String($0)) }
    }

    public var isEmpty: Bool { terms.isEmpty }

    static func term(_ word: String) -> Term? {
        var word = Substring(word)
        let negated = word.hasPrefix("!")
        if negated { word = word.dropFirst() }
        var field: Field?
        for candidate in Field.allCases where word.lowercased().hasPrefix(candidate.rawValue + ":") {
            field = candidate
            word = word.dropFirst(candidate.rawValue.count + 1)
        }
        guard !word.isEmpty else { return nil }
        return Term(field: field, value: word.lowercased(), negated: negated)
    }

    /// Whether a row passes every term. A qualified term on a field the row does not have (a
    /// failure group has no queue) does not hide it.
    public func matches(_ row: RowFields) -> Bool {
        terms.allSatisfy { term in
            let haystacks: [String]
            switch term.field {
            case .queue: guard let queue = row.queue else { return true }; haystacks = [queue]
            case .jobClass: guard let jobClass = row.jobClass else { return true }; haystacks = [jobClass]
            case .label: guard let labels = row.labels else { return true }; haystacks = labels
            case .error: guard let error = row.error else { return true }; haystacks = [error]
            case nil: haystacks = [row.text]
            }
            let found = haystacks.contains { $0.lowercased().contains(term.value) }
            return found != term.negated
        }
    }

    /// The value of the first positive term with `field`, for narrowing database queries.
    public func value(of field: Field) -> String? {
        terms.first { $0.field == field && !$0.negated }?.value
    }

    /// `scope` narrowed by every term, which the database matches case-insensitively: positive ones
    /// must all match (`queue:a queue:b` needs both), negated ones (`!x`) must not.
    public func narrowing(_ scope: JobListScope) -> JobListScope {
        var scope = scope
        scope.queueContains = value(of: .queue)
        scope.classContains = value(of: .jobClass)
        scope.labelContains = value(of: .label)
        if let error = value(of: .error) { scope.errorContains = error }
        scope.search = terms.filter { $0.field == nil && !$0.negated }.map(\.value)
        scope.excluded = terms.filter(\.negated).map { FilterTerm(field: $0.field, text: $0.value) }
        let qualified = terms.filter { $0.field != nil && !$0.negated }
        scope.alsoRequired = qualified.enumerated()
            .filter { index, term in qualified[..<index].contains { $0.field == term.field } }
            .map { FilterTerm(field: $0.element.field, text: $0.element.value) }
        return scope
    }
}

/// The parts of a row the filter looks at.
/// A nil field is one the row does not have.
public struct RowFields: Sendable, Hashable {
    public var queue: String?
    public var jobClass: String?
    public var labels: [String]?
    public var error: String?
    /// Every visible cell, joined.
    public var text: String

    public init(queue: String? = nil, jobClass: String? = nil, labels: [String]? = nil, error: String? = nil,
                text: String = "") {
        self.queue = queue
        self.jobClass = jobClass
        self.labels = labels
        self.error = error
        self.text = text
    }
}
