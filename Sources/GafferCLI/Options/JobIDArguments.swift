import ArgumentParser
import Foundation

/// Job ids given as arguments (`gaffer discard ID…`), each checked to be a UUID.
struct JobIDArguments: ParsableArguments {
    @Argument(help: "Job ids (UUIDs, as `gaffer status --json` and the screen show them).")
    var ids: [String] = []

    var uuids: [UUID] { ids.compactMap { UUID(uuidString: $0) } }

    func validate() throws {
        for id in ids where UUID(uuidString: id) == nil {
            throw ValidationError("job id \"\(id)\" is not a UUID; job ids look like 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10")
        }
    }

    /// Requires at least one id, naming the command in the message.
    func requireSome(command: String) throws {
        guard !ids.isEmpty else {
            throw ValidationError("\(command) needs at least one job id, e.g. `\(command) 0d8f4b7e-3c2a-4f51-9a7e-2b1f6c9d8e10`")
        }
    }
}
