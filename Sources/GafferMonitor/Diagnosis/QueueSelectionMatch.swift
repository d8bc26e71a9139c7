import Foundation

/// Whether a pool's queue selection (one `;`-separated entry of GoodJob's syntax, contract §3.1) takes a queue.
///
/// `*` anywhere takes every queue; a leading `-` excludes the listed queues; a leading `+` lists
/// queues in priority order; otherwise the listed queues are taken.
enum QueueSelectionMatch {
    static func accepts(_ selection: String, queue: String) -> Bool {
        let entries = selection.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if entries.isEmpty || entries.contains(where: { $0.contains("*") }) { return true }
        if entries[0].hasPrefix("-") {
            return !entries.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }.contains(queue)
        }
        return entries.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }.contains(queue)
    }
}
