#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GafferCore
import GafferMonitorModel

/// The screen's texts for finding jobs, acting on every match and force-discard, in one place.
enum OperatorText {
    /// The most characters the find prompt takes (a UUID with its dashes).
    static let findLimit = 36
    /// How many matches an ambiguous id prefix names.
    static let listed = 3

    static func notAnID(_ text: String) -> String {
        "\"\(Format.clean(text))\" is not a job id: type hex digits, like 0d8f4b7e"
    }

    static func finding(_ prefix: JobIDPrefix) -> String { "finding job \(prefix.digits)…" }

    static func noJob(_ prefix: JobIDPrefix) -> String { "no job id starts with \(prefix.digits)" }

    static func ambiguous(_ prefix: JobIDPrefix, _ ids: [UUID]) -> String {
        // Enough of each id to tell them apart: 4 digits past the prefix, at least 8.
        let digits = max(8, prefix.digits.count + 4)
        let shown = ids.prefix(listed).map { id in
            var hex = 0
            return String(id.uuidString.lowercased().prefix { ch in
                if ch != "-" { hex += 1 }
                return hex <= digits
            })
        }.joined(separator: ", ")
        return "\(prefix.digits) matches several jobs (\(shown)\(ids.count > listed ? ", …" : "")): type more"
    }

    static let unselectedAll = "every-match selection cleared"
    static let forceOneByOne = "force-discard takes one running job at a time"
    static let stillCounting = "still counting the matches; try again in a moment"
    static let noneMatch = "no jobs match"
    static let listing = "listing the matching jobs…"

    static func selectedAll(_ total: Int?) -> String {
        let count = total.map { countText($0) } ?? "all"
        return "\(count) matching jobs selected in the whole table: the next action takes them all"
    }

    static func wrongTab(_ action: JobAction, _ state: JobState) -> String {
        let allowed = JobState.allCases.filter { action.allowedStates.contains($0) }.map(\.rawValue)
        return "\(action.rawValue) takes \(allowed.joined(separator: "/")) jobs, not \(state.rawValue)"
    }

    /// `3,000`, or `100,000+` at the list's count cap.
    static func countText(_ total: Int) -> String { total >= 100_000 ? "100,000+" : Format.grouped(total) }

    static func bulkQuestion(_ action: JobAction, total: Int, state: JobState) -> String {
        action.question("all \(countText(total)) matching \(state.rawValue) job\(total == 1 ? "" : "s")")
    }

    /// The confirmation's lines under the question: the filter, how it runs, what is skipped.
    static func bulkDetail(_ list: JobListView) -> [String] {
        [
            "list: \(Format.clean(list.title))" + (list.filter.isEmpty ? "" : " · filter: \(Format.clean(list.filter.text))"),
            "in chunks of 500; jobs a worker holds are skipped and counted; Esc stops",
        ]
    }

    static func bulkTitle(_ action: JobAction) -> String {
        switch action {
        case .retry: "Retrying"
        case .discard: "Discarding"
        case .reschedule: "Running now"
        case .destroy: "Destroying"
        case .forceDiscard: "Force-discarding"
        }
    }

    /// What an action does beyond its question; force-discard says what happens to the running attempt.
    static func consequences(_ action: JobAction) -> [String] {
        guard action == .forceDiscard else { return [] }
        return [
            "It is marked discarded now, so no worker claims it again.",
            "Its attempt is not stopped: if its process is alive the code runs on,",
            "and its end may overwrite the discard (a failure may even retry it).",
        ]
    }

    static let stopping = "stopping after the chunk being written…"
}
