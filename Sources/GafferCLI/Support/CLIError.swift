import ArgumentParser
import Foundation
import GafferStore
import Postgres

/// A command failure the user can act on: one line naming the input and the fix, and an exit code.
struct CLIError: Error, CustomStringConvertible {
    enum Code: Int32 {
        case runtime = 1
        case usage = 2
    }

    let code: Code
    let description: String

    static func usage(_ text: String) -> CLIError { CLIError(code: .usage, description: text) }
    static func runtime(_ text: String) -> CLIError { CLIError(code: .runtime, description: text) }
}

/// Runs a command body, turning every error into one line on stderr and the right exit code.
///
/// This is the one place user-facing failure text is printed; nothing below it prints errors.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as CLIError {
        Terminal.error(error.description)
        throw ExitCode(error.code.rawValue)
    } catch let error as SchemaGateError {
        Terminal.error(error.message(migrateCommand: "\(GafferApp.current.name) migrate"))
        throw ExitCode(CLIError.Code.runtime.rawValue)
    } catch let error as PostgresError {
        Terminal.error(error.description)
        throw ExitCode(CLIError.Code.runtime.rawValue)
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.error(String(describing: error))
        throw ExitCode(CLIError.Code.runtime.rawValue)
    }
}
