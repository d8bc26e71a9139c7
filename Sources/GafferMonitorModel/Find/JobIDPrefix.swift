#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The start of a job id as an operator types it (`0d8f4b7e`, `0d8f4b7e-3c2a`, a whole UUID), as the
/// range of ids it covers: a lookup scans the primary key between `low` and `high`.
public struct JobIDPrefix: Sendable, Hashable {
    /// The hex digits typed, lowercased, without dashes.
    public let digits: String
    public let low: UUID
    public let high: UUID

    /// nil unless `text` is 1 to 32 hex digits, dashes allowed (spaces around it are ignored).
    public init?(_ text: String) {
        let digits = text.trimmingCharacters(in: .whitespaces).lowercased().filter { $0 != "-" }
        guard (1...32).contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        func uuid(_ fill: Character) -> UUID? {
            let hex = Array(digits + String(repeating: fill, count: 32 - digits.count))
            let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
            return UUID(uuidString: groups.joined(separator: "-"))
        }
        guard let low = uuid("0"), let high = uuid("f") else { return nil }
        self.digits = digits
        self.low = low
        self.high = high
    }

    /// Whether the prefix is a whole id.
    public var isWhole: Bool { digits.count == 32 }
}
