import GafferCore
import Testing
@testable import GafferCLI

@Suite("enqueue --args")
struct EnqueueArgumentsTests {
    func arguments(_ json: String) throws -> JobArguments {
        try EnqueueCommand.parse(["SomeJob", "--args", json]).parseArguments()
    }

    @Test func anArrayIsActiveJobsSerializedArguments() throws {
        let args = try arguments(#"[12, "x", {"force": true, "_aj_ruby2_keywords": ["force"]}]"#)
        #expect(args.positional == [.int(12), .string("x")])
        #expect(args.keyword("force") == .bool(true))
    }

    @Test func anObjectIsKeywordArguments() throws {
        let args = try arguments(#"{"user_id": 7, "force": false}"#)
        #expect(args.positional.isEmpty)
        #expect(args.keywords.map(\.name) == ["user_id", "force"])
        #expect(args.json.serialized() == #"[{"user_id":7,"force":false,"_aj_ruby2_keywords":["user_id","force"]}]"#)
    }

    @Test(arguments: ["[1", "\"text\"", "42", "{\"a\": 1, \"a\": 2}"])
    func otherJSONIsAUsageError(json: String) {
        #expect(throws: CLIError.self) { try arguments(json) }
    }
}
