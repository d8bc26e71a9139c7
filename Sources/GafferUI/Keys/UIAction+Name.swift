extension UIAction {
    /// How a config file's `[keys]` section names the action: `retry`, `open-history`, `focus-queues`.
    public var name: String {
        switch self {
        case .focus(let pane): return "focus-\(pane.title.lowercased())"
        case .act(let action): return action.rawValue
        default:
            // camelCase to kebab-case; a run of capitals is one word (`copyID` is `copy-id`).
            var name = ""
            var previous: Character = " "
            for character in String(describing: self) {
                if character.isUppercase, previous.isLowercase { name += "-" }
                name += character.lowercased()
                previous = character
            }
            return name
        }
    }
}
