/// How far the standby the monitor reads from is behind the primary its actions go to.
///
/// `bytes` is the primary's WAL position minus the standby's replayed one; `seconds` is 0 when nothing is
/// left to replay, else the age of the last transaction the standby replayed (what it shows lags by at
/// least that much). `isStandby` false means the replica URL reached a server that is not in recovery.
public struct ReplicaLag: Sendable, Hashable {
    public var isStandby: Bool
    public var seconds: Double
    public var bytes: Int64

    public init(isStandby: Bool, seconds: Double, bytes: Int64) {
        self.isStandby = isStandby
        self.seconds = seconds
        self.bytes = bytes
    }

    /// Nothing left to replay: the standby shows what the primary holds.
    public var isCaughtUp: Bool { isStandby && bytes <= 0 }
}
