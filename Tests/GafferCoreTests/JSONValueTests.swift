import Testing
@testable import GafferCore

@Suite struct JSONValueTests {
    // MARK: Round trips

    @Test(arguments: [
        "null", "true", "false", "0", "-1", "123", "\"\"", "\"abc\"", "[]", "{}",
        "[1,2,3]", "{\"b\":1,\"a\":2}",
        "{\"z\":{\"y\":[null,true,{\"x\":\"w\"}]},\"a\":[]}",
        "9223372036854775807", "-9223372036854775808",
        "1.5", "-0.25", "1.0", "100.0", "0.0001", "1e+15", "1.5e-10", "1746861937.7842371",
        "\"h\u{E9}llo \u{4E16}\u{754C} \u{1F600}\"",
        "\"a/b\"", "\"tab\\tnew\\nline\\\\ \\\"q\\\"\"", "\"\\u0000\\u001f\\b\\f\\r\"",
    ])
    func roundTripsCanonicalText(text: String) throws {
        #expect(try JSONValue.parse(text).serialized() == text)
    }

    @Test func keepsObjectKeyOrder() throws {
        let value = try JSONValue.parse(#"{"job_class":"A","arguments":[],"executions":0}"#)
        #expect(value.objectValue?.keys == ["job_class", "arguments", "executions"])
    }

    @Test func parsesWhitespaceAndWritesCompact() throws {
        let value = try JSONValue.parse(" {\n\t\"a\" : [ 1 , 2 ] ,\r\n \"b\" : null } ")
        #expect(value.serialized() == #"{"a":[1,2],"b":null}"#)
    }

    // MARK: Strings

    @Test func decodesEscapes() throws {
        let value = try JSONValue.parse(#""\"\\\/\b\f\n\r\t\u00e9\u4e16\ud83d\ude00""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\t\u{E9}\u{4E16}\u{1F600}"))
    }

    @Test func writesLikeRubyJSONGenerate() {
        let value: JSONValue = .string("a/b \u{1} \u{1F} \u{7F} \u{2028} é 😀 \"q\" \\")
        #expect(value.serialized() == "\"a/b \\u0001 \\u001f \u{7F} \u{2028} é 😀 \\\"q\\\" \\\\\"")
    }

    @Test func unicodeEscapesBecomeRawUTF8() throws {
        #expect(try JSONValue.parse(#""\u00e9\ud83d\ude00""#).serialized() == "\"é😀\"")
    }

    // MARK: Numbers

    @Test func bigNumbers() throws {
        #expect(try JSONValue.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONValue.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try JSONValue.parse("9223372036854775808") == .double(9223372036854775808.0))
        #expect(try JSONValue.parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
        #expect(try JSONValue.parse("1E2") == .double(100))
        #expect(try JSONValue.parse("-0") == .int(0))
        #expect(try JSONValue.parse("1e-400") == .double(0))
    }

    @Test(arguments: [
        (1.0, "1.0"), (-1.0, "-1.0"), (0.0, "0.0"), (-0.0, "-0.0"), (12.2, "12.2"), (7.5 / 3.2, "2.34375"),
        (100000000000000.0, "100000000000000.0"), (1e15, "1e+15"), (-1e15, "-1e+15"),
        (1111111111111111.1, "1111111111111111.1"), (11111111111111111.1, "1.1111111111111112e+16"),
        (-2.2471348024634545e-08, "-0.000000022471348024634545"), (1e-7, "0.0000001"), (1e-10, "1e-10"),
        (1.5e20, "1.5e+20"), (1e100, "1e+100"), (Double.leastNonzeroMagnitude, "5e-324"), (0.1, "0.1"), (123456.7, "123456.7"),
    ])
    func formatsFloatsLikeTheJSONGem(number: Double, expected: String) throws {
        #expect(JSONValue.double(number).serialized() == expected)
        #expect(try JSONValue.parse(expected).doubleValue == number)
    }

    @Test func nonFiniteFloatsWriteNull() {
        #expect(JSONValue.array([.double(.nan), .double(.infinity)]).serialized() == "[null,null]")
    }

    // MARK: Accessors

    @Test func accessors() throws {
        let value = try JSONValue.parse(#"{"s":"x","i":7,"d":2.5,"b":true,"a":[1],"o":{"k":null}}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 7)
        #expect(value["i"]?.doubleValue == 7)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?[0]?.intValue == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["o"]?["k"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?["x"] == nil)
    }

    @Test func objectEditingKeepsPositions() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        object["d"] = 4
        object["a"] = nil
        #expect(JSONValue.object(object).serialized() == #"{"b":"two","c":3,"d":4}"#)

        let repeated = JSONObject([.init(key: "a", value: 1), .init(key: "b", value: 2), .init(key: "a", value: 3)])
        #expect(JSONValue.object(repeated).serialized() == #"{"a":3,"b":2}"#)
    }

    // MARK: Errors

    @Test(arguments: [
        ("", "invalid JSON at byte offset 0: the text ends where a value should follow"),
        ("[1,]", "invalid JSON at byte offset 3: found \"]\" where a value should be"),
        ("[1 2]", "invalid JSON at byte offset 3: found \"2\" where \",\" or \"]\" after an array element should be"),
        ("{\"a\":1,}", "invalid JSON at byte offset 7: found \"}\" where a quoted key should be"),
        ("{a:1}", "invalid JSON at byte offset 1: found \"a\" where a quoted key should be"),
        ("{\"a\" 1}", "invalid JSON at byte offset 5: found \"1\" where \":\" after a key should be"),
        ("{\"a\":1,\"a\":2}", "invalid JSON at byte offset 7: key \"a\" appears twice in one object"),
        ("01", "invalid JSON at byte offset 0: malformed number (JSON numbers look like -12, 0.5 or 1e-3; no leading zeros, no trailing dot)"),
        ("1.", "invalid JSON at byte offset 0: malformed number (JSON numbers look like -12, 0.5 or 1e-3; no leading zeros, no trailing dot)"),
        ("-", "invalid JSON at byte offset 0: malformed number (JSON numbers look like -12, 0.5 or 1e-3; no leading zeros, no trailing dot)"),
        ("1e999", "invalid JSON at byte offset 0: number too large for a 64-bit float"),
        ("NaN", "invalid JSON at byte offset 0: found \"N\" where a value should be"),
        ("tru", "invalid JSON at byte offset 3: the text ends where \"true\" should follow"),
        ("nul!", "invalid JSON at byte offset 3: found \"!\" where \"null\" should be"),
        ("\"abc", "invalid JSON at byte offset 4: the text ends where a closing quote should follow"),
        ("\"a\tb\"", "invalid JSON at byte offset 2: raw control character U+0009 in a string (escape it as \\u0009)"),
        ("\"\\x\"", "invalid JSON at byte offset 1: unknown escape \\x in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        ("\"\\u12G4\"", "invalid JSON at byte offset 1: \\u must be followed by four hex digits"),
        ("\"x\\ud83d\"", "invalid JSON at byte offset 2: unpaired UTF-16 surrogate in a \\u escape (write the character itself or a full surrogate pair)"),
        ("\"\\ude00\"", "invalid JSON at byte offset 1: unpaired UTF-16 surrogate in a \\u escape (write the character itself or a full surrogate pair)"),
        ("{} x", "invalid JSON at byte offset 3: found \"x\" after the end of the document"),
        ("[1] // c", "invalid JSON at byte offset 4: found \"/\" after the end of the document"),
        ("é", "invalid JSON at byte offset 0: found \"é\" where a value should be"),
    ])
    func refusesInvalidText(text: String, message: String) {
        #expect {
            try JSONValue.parse(text)
        } throws: { error in
            String(describing: error) == message
        }
    }

    @Test func nestingLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONValue.parse(deepest).serialized() == deepest)

        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONParseError(.nestingTooDeep(limit: 512), at: 512)) {
            try JSONValue.parse(tooDeep)
        }
        let mixed = String(repeating: "{\"a\":[", count: 300)
        #expect(throws: JSONParseError(.nestingTooDeep(limit: 512), at: 256 * 6)) {
            try JSONValue.parse(mixed)
        }
    }
}
