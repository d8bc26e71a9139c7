/// A notification received on a LISTEN connection.
public struct PostgresNotification: Sendable, Hashable {
    public let channel: String
    public let payload: String
    /// Server process id of the session that sent it.
    public let senderPID: Int32
}

/// What a listener reports: notifications, and its connection coming and going.
public enum ListenerEvent: Sendable {
    case connected
    case notification(PostgresNotification)
    case disconnected(PostgresError)
}
