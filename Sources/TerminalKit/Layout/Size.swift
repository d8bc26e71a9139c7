/// A width and height in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }

    /// Whether `self` is at least `minimum` in both directions.
    public func satisfies(minimum: Size) -> Bool {
        width >= minimum.width && height >= minimum.height
    }
}
