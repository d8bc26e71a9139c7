/// Where text sits inside a wider column.
public enum TextAlignment: Sendable, Hashable {
    case left
    case right
    case center
}
