import Foundation

/// Asks before a bulk change: prints the question on stderr and reads y/N from stdin.
enum Confirmation {
    /// True when the user typed y or yes. Without a terminal on stdin, refuses with a usage error
    /// that names `--yes`, so a script never hangs on a prompt.
    static func ask(_ question: String) throws -> Bool {
        guard Terminal.stdinIsTerminal else {
            throw CLIError.usage("\(question.trimmingCharacters(in: CharacterSet(charactersIn: "? "))): stdin is not a terminal to confirm on; pass --yes")
        }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
