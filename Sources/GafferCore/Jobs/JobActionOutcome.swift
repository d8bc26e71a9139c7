/// What happened when an action met one job.
public enum JobActionOutcome: Sendable, Hashable {
    case done
    case refused(JobActionRefusal)
}
