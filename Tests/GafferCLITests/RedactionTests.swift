import Testing
@testable import GafferCLI

@Suite("passwords never reach the terminal")
struct RedactionTests {
    @Test(arguments: [
        ("cannot parse postgresql://app:s3cr3t@db.example:5432/prod", "cannot parse postgresql://app:********@db.example:5432/prod"),
        ("Unexpected argument 'postgres://u:p%40ss@h/db'", "Unexpected argument 'postgres://u:********@h/db'"),
        ("host=db password=s3cr3t dbname=prod", "host=db password=******** dbname=prod"),
        (#"host=db password = 'it\'s secret' dbname=prod"#, "host=db password = ******** dbname=prod"),
        ("PASSWORD=abc", "PASSWORD=********"),
        ("bad URL postgres://u:p@ss@h/db", "bad URL postgres://u:********@h/db"),
        ("postgres://h/db?password=s3cr3t&sslmode=require", "postgres://h/db?password=********&sslmode=require"),
    ])
    func masksPasswords(text: String, expected: String) {
        #expect(Redaction.scrub(text) == expected)
    }

    @Test(arguments: [
        "database \"gaffer\" on socket \"/tmp/x/.s.PGSQL.5432\"",
        "postgresql://app@db.example/prod",
        "user@example.com wrote: RateLimitError: 429",
    ])
    func leavesOtherTextAlone(text: String) {
        #expect(Redaction.scrub(text) == text)
    }
}
