import Foundation

/// A batch this process created: its id, and the Swift callback types that give callback jobs their defaults.
public struct BatchHandle: Sendable {
    public let id: UUID
    let callbackTypes: JobRegistry
}
