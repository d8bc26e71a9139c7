extension UIAction {
    /// How a config file's `[keys]` section names the action: `retry`, `open-history`, `focus-queues`.
    public var name: String {
        switch self {
        case .focus(let pane): return "focus-\(pane.title.lowercased())"
        case .act(let action): return action.rawValue
        default:
            var name = ""
            for character in String(describing: self) {
                if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
            }
            return name
        }
    }
}
