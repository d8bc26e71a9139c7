/// Checks that the terminal is large enough to draw a screen, and says so when it is not.
public struct MinimumSize: Hashable, Sendable {
    public var minimum: Size

    public init(_ minimum: Size) {
        self.minimum = minimum
    }

    public init(width: Int, height: Int) {
        self.init(Size(width: width, height: height))
    }

    /// `nil` when `size` is large enough, otherwise a one-line message naming both sizes and the fix.
    public func problem(for size: Size) -> String? {
        guard !size.satisfies(minimum: minimum) else { return nil }
        return "Terminal is \(size); needs at least \(minimum). Enlarge the window."
    }

    /// Draws the `problem(for:)` message, wrapped and centred, into `buffer` and returns `true`;
    /// leaves a large-enough buffer untouched and returns `false`.
    @discardableResult
    public func drawProblem(into buffer: inout CellBuffer) -> Bool {
        guard let message = problem(for: buffer.size) else { return false }
        buffer.fill(buffer.bounds, style: .plain)
        let lines = DisplayWidth.wrap(message, toWidth: buffer.width).prefix(buffer.height)
        let top = (buffer.height - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let left = (buffer.width - DisplayWidth.of(line)) / 2
            buffer.put(line, x: left, y: top + index, style: Style(.warning))
        }
        return true
    }
}
