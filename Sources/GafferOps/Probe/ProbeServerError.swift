/// The probe port could not be opened.
public struct ProbeServerError: Error, CustomStringConvertible {
    public let port: Int
    public let reason: String

    public var description: String {
        "probe port \(port): \(reason); choose a free port with --probe-port or GOOD_JOB_PROBE_PORT"
    }
}
