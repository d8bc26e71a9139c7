import GafferCore

/// Why an action cannot run in a context (shown dimmed in the footer and said in the status line).
enum Availability {
    static func reason(_ action: UIAction, _ context: KeyContext) -> String? {
        switch action {
        case .act(let jobAction):
            if context.readOnly { return "read-only mode: actions are off" }
            return jobActionReason(jobAction, context.selected)
        case .togglePause:
            if context.readOnly { return "read-only mode: actions are off" }
            switch context.selected {
            case .queue, .job, .failureGroup: return nil
            default: return "p pauses a queue (Queues) or a job class (a job or failure row)"
            }
        case .toggleLocalPause:
            if !context.hasLocalWorker { return "no local worker: gaffer top only watches" }
            if context.readOnly { return "read-only mode: actions are off" }
            return nil
        case .toggleCron, .enqueueCron:
            if context.readOnly { return "read-only mode: actions are off" }
            guard case .cron(let runnable) = context.selected else { return CronText.selectKey }
            return action == .enqueueCron && !runnable ? CronText.notDeclared : nil
        case .moreThreads, .fewerThreads:
            if !context.hasLocalWorker { return "no local worker: gaffer top only watches" }
            if context.readOnly { return "read-only mode: actions are off" }
            guard let pool = context.localPool else { return "select a slot of this worker: its pool changes" }
            let requested = pool.threads + (action == .moreThreads ? 1 : -1)
            return ThreadChangeError.check(pool: pool.index, queues: pool.queues, threads: pool.threads,
                                           requested: requested)?.description
        case .openLog:
            return context.hasLocalWorker ? nil : "no local worker: gaffer top has no local log"
        case .copyID:
            switch context.selected {
            case .job, .failureGroup: return nil
            default: return "no job selected"
            }
        default:
            return nil
        }
    }

    static func jobActionReason(_ action: JobAction, _ selected: KeyContext.Selected) -> String? {
        let state: JobState
        switch selected {
        case .job(let s): state = s
        case .failureGroup(.discarded): state = .discarded
        case .failureGroup(.retrying): state = .retried
        case .queue: return "open the queue (Enter) to act on its jobs"
        case .nothing, .other, .cron: return "select a job first (Enter opens job lists)"
        }
        if state == .running && action != .forceDiscard { return "running jobs are left alone" }
        guard action.allowedStates.contains(state) else {
            let allowed = JobState.allCases.filter { action.allowedStates.contains($0) }.map(\.rawValue)
            return "\(action.rawValue) takes \(allowed.joined(separator: "/")) jobs, not \(state.rawValue)"
        }
        return nil
    }
}
