import Foundation
import Postgres

/// Masks the passwords in this process's own arguments, which `ps` shows to every user of the machine.
///
/// `CommandLine.arguments` is copied first, so parsing still sees the arguments whole; the masking
/// then overwrites bytes in place with `*`, keeping each string's length.
enum ProcessArguments {
    static func hidePasswords() {
        _ = CommandLine.arguments
        for index in 0..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index],
                  let text = String(validatingCString: argument) else { continue }
            for range in ConninfoSecrets.ranges(in: text) {
                let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                let count = text.utf8.distance(from: range.lowerBound, to: range.upperBound)
                for offset in start..<(start + count) { argument[offset] = CChar(UInt8(ascii: "*")) }
            }
        }
    }
}
