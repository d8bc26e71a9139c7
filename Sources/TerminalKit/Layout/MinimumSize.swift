/// Checks that the terminal is large enough to draw a screen, and says so when it is not.
public struct MinimumSize: Hashable, Sendable {
    public var minimum: Size

    public init(_ minimum: Size) {
        self.minimum = minimum
    }

    public init(width: Int, height: Int) {
        self.init(Size(width: width, height: height))
    }

    /// `nil` when `size` is large enough, otherwise one line naming both sizes.
    public func problem(for size: Size) -> String? {
        guard !size.satisfies(minimum: minimum) else { return nil }
        return "terminal too small: \(size), need \(minimum)"
    }

    /// The problem wrapped to fit `size`, or its first shorter form that fits (down to `!`); nil when large enough.
    public func problemLines(for size: Size) -> [String]? {
        guard let message = problem(for: size) else { return nil }
        guard size.width > 0, size.height > 0 else { return [] }
        let forms = [message, "too small, need \(minimum)", "need \(minimum)", "\(minimum)", "!"]
        for form in forms {
            let words = form.split(separator: " ")
            guard words.allSatisfy({ DisplayWidth.of(String($0)) <= size.width }) else { continue }
            let lines = DisplayWidth.wrap(form, toWidth: size.width)
            if lines.count <= size.height { return lines }
        }
        return []
    }

    /// Draws `problemLines(for:)` centred and returns `true`; a large-enough buffer stays untouched (`false`).
    @discardableResult
    public func drawProblem(into buffer: inout CellBuffer) -> Bool {
        guard let lines = problemLines(for: buffer.size) else { return false }
        buffer.fill(buffer.bounds, style: .plain)
        let top = (buffer.height - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let left = (buffer.width - DisplayWidth.of(line)) / 2
            buffer.put(line, x: left, y: top + index, style: Style(.warning))
        }
        return true
    }
}
