#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel

extension MonitorUI {
    /// Opens the `y/N` question for a job action, naming the action and the count.
    static func askToAct(_ action: JobAction, _ state: inout UIState, _ snapshot: MonitorSnapshot) {
        switch state.topOverlay {
        case .jobs(let list) where list.allMatching:
            askToActOnAll(action, list, &state)
        case .jobs(let list):
            let visible = state.visibleJobs(list)
            let ids = list.marks.isEmpty
                ? state.selectedJob(in: list).map { [$0.id] } ?? []
                : visible.map(\.id).filter(list.marks.contains) + list.marks.subtracting(visible.map(\.id)).sorted {
                    $0.uuidString < $1.uuidString
                }
            guard !ids.isEmpty else { return }
            let what = ids.count == 1 ? "job \(Format.shortID(ids[0]))" : "\(ids.count) marked jobs"
            state.overlays.append(.confirm(Confirmation(prompt: action.question(what), detail: OperatorText.consequences(action),
                                                        effect: .perform(action, .ids(ids)))))
        case .detail(let view):
            guard let detail = view.detail else { return }
            state.overlays.append(.confirm(Confirmation(
                prompt: action.question("job \(Format.shortID(detail.id)) (\(Format.name(detail.jobClass)))"),
                detail: OperatorText.consequences(action), effect: .perform(action, .ids([detail.id])))))
        case nil where action == .forceDiscard:
            guard let row = state.selectedRow(snapshot), let id = row.jobID, row.selected == .job(.running) else { return }
            state.overlays.append(.confirm(Confirmation(prompt: action.question("running job \(Format.shortID(id))"),
                                                        detail: OperatorText.consequences(action),
                                                        effect: .perform(action, .ids([id])))))
        case nil:
            guard let row = state.selectedRow(snapshot), case .failure(let group) = row.target else { return }
            let scope = group.kind == .discarded
                ? JobListScope(state: .discarded, jobClass: group.jobClass, errorClass: group.errorClass,
                               since: snapshot.takenAt.addingTimeInterval(-86_400))
                : JobListScope(state: .retried, jobClass: group.jobClass, errorClass: group.errorClass, byBadge: true)
            let noun = group.kind == .discarded ? "discarded" : "retrying"
            let jobs = group.lastDay == 1 ? "1 \(noun) job" : "\(group.lastDay) \(noun) jobs"
            state.overlays.append(.confirm(Confirmation(
                prompt: action.question("\(jobs) of \(Format.clean(group.errorClass)) · \(Format.name(group.jobClass))"),
                effect: .perform(action, .scope(scope)))))
        default:
            break
        }
    }

    static func togglePause(_ state: inout UIState, _ snapshot: MonitorSnapshot) -> [Effect] {
        let settings = snapshot.settings
        let effects = pauseEffects(state, settings, snapshot)
        // Pauses name a queue or class; a NULL one has no name to write, and pausing "" would match nothing.
        if case .setPaused(let kind, "", _)? = effects.first {
            state.status = StatusMessage("a NULL \(kind.noun) has no name to pause")
            return []
        }
        return effects
    }

    private static func pauseEffects(_ state: UIState, _ settings: SettingsRecord, _ snapshot: MonitorSnapshot) -> [Effect] {
        func jobClass(_ name: String) -> [Effect] {
            [.setPaused(.jobClass, name, paused: !settings.pausedJobClasses.contains(name))]
        }
        switch state.topOverlay {
        case .jobs(let list):
            return state.selectedJob(in: list).map { jobClass($0.jobClass) } ?? []
        case .detail(let view):
            return view.detail.map { jobClass($0.jobClass) } ?? []
        case nil:
            guard let row = state.selectedRow(snapshot) else { return [] }
            switch row.target {
            case .queue(let name, let paused): return [.setPaused(.queue, name, paused: !paused)]
            case .failure(let group): return jobClass(group.jobClass)
            case .runningJob(let job): return jobClass(job.jobClass)
            case .localSlot(let slot, _): return slot.job.map { jobClass($0.jobClass) } ?? []
            default: return []
            }
        default:
            return []
        }
    }

    static func copyID(_ state: inout UIState, _ snapshot: MonitorSnapshot) -> [Effect] {
        var id: UUID?
        switch state.topOverlay {
        case .jobs(let list): id = state.selectedJob(in: list)?.id
        case .detail(let view): id = view.id
        case nil: id = state.selectedRow(snapshot)?.jobID
        default: break
        }
        guard let id else { return [] }
        let text = id.uuidString.lowercased()
        state.status = StatusMessage("copied \(text) to the clipboard")
        return [.copy(text)]
    }
}

extension JobAction {
    /// The confirmation's question about `what`: `Retry 3 marked jobs?`, `Run job 6d6acc51 now?`.
    func question(_ what: String) -> String {
        switch self {
        case .retry: "Retry \(what)?"
        case .discard: "Discard \(what)?"
        case .reschedule: "Run \(what) now?"
        case .destroy: "Destroy \(what)?"
        case .forceDiscard: "Force-discard \(what)?"
        }
    }
}
