import GafferMonitorModel

extension MonitorUI {
    /// `e` in the Cron pane: asks to turn the selected key off (or on) for every cron process.
    static func askToToggleCron(_ state: inout UIState, _ snapshot: MonitorSnapshot) {
        guard let row = state.selectedRow(snapshot), case .cron(let key, _, _, let enabled) = row.target else { return }
        state.overlays.append(.confirm(Confirmation(prompt: CronText.toggleQuestion(key, enable: !enabled),
                                                    detail: CronText.toggleDetail(enable: !enabled),
                                                    effect: .setCronEnabled(key, enabled: !enabled))))
    }

    /// `E` in the Cron pane: asks to enqueue the selected key's job now.
    static func askToEnqueueCron(_ state: inout UIState, _ snapshot: MonitorSnapshot) {
        guard let row = state.selectedRow(snapshot), case .cron(let key, _, _, let enabled) = row.target else { return }
        state.overlays.append(.confirm(Confirmation(prompt: CronText.enqueueQuestion(key),
                                                    detail: CronText.enqueueDetail(jobClass: row.fields.jobClass ?? "",
                                                                                   enabled: enabled),
                                                    effect: .enqueueCron(key))))
    }
}
