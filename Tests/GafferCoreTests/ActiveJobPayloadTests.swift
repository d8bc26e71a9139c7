import Foundation
import Testing
@testable import GafferCore

@Suite struct ActiveJobPayloadTests {
    /// Builds a Rails 7.1+ payload around an `arguments` array, as `serialize` lays it out.
    static func railsPayload(arguments: String, extras: String = "") -> String {
        #"{"job_class":"PublicationSyncJob","job_id":"0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55","provider_job_id":null,"#
            + #""queue_name":"default","priority":null,"arguments":"# + arguments
            + #","executions":0,"exception_executions":{},"locale":"en","timezone":"UTC","#
            + #""enqueued_at":"2026-07-20T12:00:00.123456789Z","scheduled_at":null"# + extras + "}"
    }

    static func decode(_ text: String) throws -> ActiveJobPayload {
        try ActiveJobPayload(json: JSONValue.parse(text))
    }

    // MARK: What Rails writes

    @Test func positionalIntegerFromPerformLater() throws {
        let text = Self.railsPayload(arguments: "[123]")
        let payload = try Self.decode(text)
        #expect(payload.jobClass == "PublicationSyncJob")
        #expect(payload.jobID == "0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55")
        #expect(payload.jobUUID == UUID(uuidString: "0B7C1F0E-5C2F-4A3B-9F0A-3C9D2B1E4A55"))
        #expect(payload.queueName == "default")
        #expect(payload.priority == nil)
        #expect(payload.arguments.positional == [.int(123)])
        #expect(payload.arguments.keywords.isEmpty)
        #expect(try payload.arguments.positional(0, as: Int.self) == 123)
        #expect(payload.executions == 0)
        #expect(payload.enqueuedAt == JobTimestamp(secondsSince1970: 1_784_548_800, nanoseconds: 123_456_789))
        #expect(payload.scheduledAt == nil)
        #expect(payload.json.serialized() == text)
    }

    @Test func keywordArgumentsFromPerformLater() throws {
        let text = Self.railsPayload(
            arguments: #"[{"publication_id":123,"force":true,"_aj_ruby2_keywords":["publication_id","force"]}]"#)
        let payload = try Self.decode(text)
        #expect(payload.arguments.positional.isEmpty)
        #expect(payload.arguments.keywords.map(\.name) == ["publication_id", "force"])
        #expect(try payload.arguments.keyword("publication_id", as: Int.self) == 123)
        #expect(try payload.arguments.keyword("force", as: Bool.self) == true)
        #expect(payload.json.serialized() == text)
    }

    @Test func rubyOnlyValuesPassThroughUnchanged() throws {
        let arguments = "["
            + #"{"_aj_globalid":"gid://mediarumu/Publication/42"},"#
            + #"{"_aj_serialized":"ActiveJob::Serializers::SymbolSerializer","value":"daily"},"#
            + #"{"_aj_serialized":"ActiveJob::Serializers::TimeWithZoneSerializer","value":"2026-07-20T12:00:00.000000000Z","time_zone":"UTC"},"#
            + #"{"x":1,"_aj_hash_with_indifferent_access":true},"#
            + #"{"event":{"_aj_serialized":"ActiveJob::Serializers::SymbolSerializer","value":"finish"},"_aj_symbol_keys":["event"]}"#
            + "]"
        let text = Self.railsPayload(arguments: arguments)
        let payload = try Self.decode(text)
        let values = payload.arguments.positional
        try #require(values.count == 5)
        #expect(values[0] == .globalID("gid://mediarumu/Publication/42"))
        let record = try payload.arguments.positional(0, as: GlobalID.self)
        #expect(record.app == "mediarumu")
        #expect(record.modelName == "Publication")
        #expect(record.modelID == "42")
        guard case .opaque = values[1], case .opaque = values[2], case .opaque = values[3] else {
            Issue.record("expected opaque values, got \(values)")
            return
        }
        guard case .hash(let batchEvent) = values[4] else {
            Issue.record("expected a hash, got \(values[4])")
            return
        }
        #expect(batchEvent.entries.map(\.key) == ["event"])
        #expect(batchEvent.entries.map(\.isSymbol) == [true])
        #expect(batchEvent.marker == .symbolKeys)
        if case .opaque = batchEvent["event"] {} else { Issue.record("event should stay opaque") }
        #expect(payload.json.serialized() == text)
    }

    @Test(arguments: [
        #"{"a":1,"_aj_symbol_keys":["a"],"b":2}"#,  // marker not last
        #"{"a":1,"_aj_symbol_keys":["zzz"]}"#,  // marker names a missing key
        #"{"a":1,"b":2,"_aj_symbol_keys":["b","a"]}"#,  // marker out of order
        #"{"a":1,"_aj_symbol_keys":[1]}"#,  // marker not strings
        #"{"a":1,"_aj_future_marker":true}"#,  // unknown _aj_ key
        #"{"_aj_globalid":"gid://x/Y/1","extra":1}"#,  // GlobalID with other keys
        #"{"_aj_globalid":42}"#,  // GlobalID not a string
        #"{"a":1,"_aj_symbol_keys":["a"],"_aj_ruby2_keywords":["a"]}"#,  // two markers
    ])
    func unusualHashesStayOpaqueAndByteExact(hash: String) throws {
        let json = try JSONValue.parse("[" + hash + "]")
        let arguments = try JobArguments(json: json)
        guard case .opaque = arguments.positional.first else {
            Issue.record("expected opaque, got \(arguments.positional)")
            return
        }
        #expect(arguments.json.serialized() == "[" + hash + "]")
    }

    @Test func hashesKeepKeyKindsAndMarkers() throws {
        let text = #"[{"a":1,"b":"x","_aj_symbol_keys":["a"]},{"plain":true},{"_aj_ruby2_keywords":[]},1]"#
        let arguments = try JobArguments(json: JSONValue.parse(text))
        #expect(arguments.positional == [
            .hash(ArgumentHash([
                .init(key: "a", value: 1, isSymbol: true), .init(key: "b", value: "x", isSymbol: false),
            ])),
            .hash(ArgumentHash([.init(key: "plain", value: true, isSymbol: false)], marker: .none)),
            .hash(ArgumentHash([], marker: .ruby2Keywords)),
            .int(1),
        ])
        #expect(arguments.keywords.isEmpty)
        #expect(arguments.json.serialized() == text)
    }

    @Test func extraKeysArePreservedAfterRailsKeys() throws {
        let text = Self.railsPayload(arguments: "[]", extras: #","good_job_notify":false,"attempt_number":3"#)
        let payload = try Self.decode(text)
        #expect(payload.extras.keys == ["good_job_notify", "attempt_number"])
        #expect(payload.json.serialized() == text)
    }

    @Test func rewritesKeysInRailsOrder() throws {
        // jsonb returns keys sorted by length; writing restores Rails' order.
        let scrambled = #"{"locale":"en","job_id":"j","priority":5,"timezone":null,"job_class":"A","arguments":[],"#
            + #""executions":2,"queue_name":"q","enqueued_at":"2026-07-20T12:00:00Z","scheduled_at":null,"#
            + #""provider_job_id":"p","exception_executions":{"[E]":2}}"#
        let payload = try Self.decode(scrambled)
        #expect(payload.json.serialized() == #"{"job_class":"A","job_id":"j","provider_job_id":"p","queue_name":"q","#
            + #""priority":5,"arguments":[],"executions":2,"exception_executions":{"[E]":2},"locale":"en","timezone":null,"#
            + #""enqueued_at":"2026-07-20T12:00:00.000000000Z","scheduled_at":null}"#)
    }

    // MARK: What Gaffer writes

    @Test func gafferBuiltPayloadMatchesRailsByteForByte() throws {
        let enqueued = Date(timeIntervalSince1970: 1_784_548_800.123456)
        let scheduled = Date(timeIntervalSince1970: 1_784_552_400)
        let payload = ActiveJobPayload(
            jobClass: "SocialMediaPublicationsDailyUpdaterJob",
            jobID: UUID(uuidString: "0B7C1F0E-5C2F-4A3B-9F0A-3C9D2B1E4A55")!,
            queueName: "default",
            arguments: JobArguments([.globalID("gid://mediarumu/Publication/42")],
                                    keywords: ["publication_id": 123, "force": true]),
            enqueuedAt: enqueued,
            scheduledAt: scheduled
        )
        let rails = #"{"job_class":"SocialMediaPublicationsDailyUpdaterJob","#
            + #""job_id":"0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55","provider_job_id":null,"queue_name":"default","#
            + #""priority":null,"arguments":[{"_aj_globalid":"gid://mediarumu/Publication/42"},"#
            + #"{"publication_id":123,"force":true,"_aj_ruby2_keywords":["publication_id","force"]}],"#
            + #""executions":0,"exception_executions":{},"locale":"en","timezone":"UTC","#
            + #""enqueued_at":"2026-07-20T12:00:00.123456000Z","scheduled_at":"2026-07-20T13:00:00.000000000Z"}"#
        #expect(payload.json.serialized() == rails)
        #expect(try Self.decode(rails) == payload)
    }

    @Test func symbolAndStringKeyedHashesEncodeLikeRails() {
        let arguments = JobArguments([
            .hash(.symbolKeyed(["a": 1, "b": [1, 2.5, nil]])),
            .hash(.stringKeyed(["c": "d"])),
        ])
        #expect(arguments.json.serialized()
            == #"[{"a":1,"b":[1,2.5,null],"_aj_symbol_keys":["a","b"]},{"c":"d","_aj_symbol_keys":[]}]"#)
    }

    // MARK: Typed access errors

    @Test func typedAccessNamesTheArgument() throws {
        let arguments = JobArguments(["abc", nil], keywords: ["force": 1])
        #expect(try arguments.positional(0, as: String.self) == "abc")
        #expect(try arguments.positional(1, as: Int?.self) == nil)
        #expect(try arguments.keyword("missing", as: Bool?.self) == nil)
        #expect(try arguments.keyword("force", as: Double.self) == 1.0)

        let cases: [(() throws(ArgumentError) -> Void, String)] = [
            ({ () throws(ArgumentError) in _ = try arguments.positional(0, as: Int.self) },
             "positional argument 0 must be Int, found string \"abc\""),
            ({ () throws(ArgumentError) in _ = try arguments.positional(2, as: Int.self) },
             "positional argument 2 is missing; expected Int (the job was enqueued with 2 positional arguments)"),
            ({ () throws(ArgumentError) in _ = try arguments.keyword("force", as: Bool.self) },
             "keyword argument force: must be Bool, found integer 1"),
            ({ () throws(ArgumentError) in _ = try arguments.keyword("dry_run", as: Bool.self) },
             "keyword argument dry_run: is missing; expected Bool (enqueue the job with this keyword, or decode it as an Optional)"),
            ({ () throws(ArgumentError) in _ = try arguments.positional(0, as: [String].self) },
             "positional argument 0 must be [String], found string \"abc\""),
        ]
        for (access, message) in cases {
            #expect { try access() } throws: { String(describing: $0) == message }
        }
    }

    @Test func nestedCollectionsDecode() throws {
        let arguments = try JobArguments(json: JSONValue.parse(#"[[1,2],{"k":["a"],"_aj_symbol_keys":["k"]}]"#))
        #expect(try arguments.positional(0, as: [Int].self) == [1, 2])
        #expect(try arguments.positional(1, as: [String: [String]].self) == ["k": ["a"]])
    }

    // MARK: Malformed payloads

    @Test(arguments: [
        ("[]", "serialized_params must be a JSON object, found array []"),
        (#"{"job_id":"x","arguments":[]}"#,
         #"serialized_params has no "job_class" (Active Job always writes it; check what wrote this row)"#),
        (#"{"job_class":"A","job_id":"x"}"#,
         #"serialized_params has no "arguments" (Active Job always writes it; check what wrote this row)"#),
        (#"{"job_class":"A","job_id":"x","arguments":{}}"#,
         #"serialized_params "arguments" must be an array, found object {}"#),
        (#"{"job_class":"A","job_id":"x","arguments":[],"priority":"high"}"#,
         #"serialized_params "priority" must be an integer or null, found string "high""#),
        (#"{"job_class":"A","job_id":"x","arguments":[],"exception_executions":{"[E]":"2"}}"#,
         #"serialized_params "exception_executions.[E]" must be an integer, found string "2""#),
        (#"{"job_class":"A","job_id":"x","arguments":[],"enqueued_at":"yesterday"}"#,
         #"serialized_params "enqueued_at" must be an ISO-8601 time like 2026-07-20T12:00:00.123456789Z, found "yesterday""#),
    ])
    func malformedPayloadsAreNamed(text: String, message: String) {
        #expect {
            try Self.decode(text)
        } throws: { error in
            String(describing: error) == message
        }
    }

    // MARK: Counters

    @Test func exceptionExecutionsKeepOrderWhenIncremented() throws {
        let counters = try ExceptionExecutions(json: JSONValue.parse(#"{"[B]":2,"[A]":1}"#))
        let updated = counters.incrementing("[A]").incrementing("[C]")
        #expect(updated.json.serialized() == #"{"[B]":2,"[A]":2,"[C]":1}"#)
        #expect(counters["[A]"] == 1)
    }
}
