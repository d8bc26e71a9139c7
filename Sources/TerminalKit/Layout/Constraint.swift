/// How much of a row or column split one part gets.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if the space runs out).
    case fixed(Int)
    /// This percentage of the whole length, rounded down.
    case percent(Int)
    /// A share of whatever the fixed and percentage parts leave, by weight.
    case fill(Int)

    /// A fill part with weight 1.
    public static let fill = Constraint.fill(1)
}
