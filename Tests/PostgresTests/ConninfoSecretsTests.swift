import Postgres
import Testing

/// Passwords are found in well-formed and malformed connection strings, and libpq's parse errors never show them.
@Suite("passwords in connection strings")
struct ConninfoSecretsTests {
    @Test(arguments: [
        ("postgresql://app:s3cret@db.example:5432/prod", "postgresql://app:********@db.example:5432/prod"),
        ("postgres://app:p@ss@db/prod", "postgres://app:********@db/prod"),
        ("postgres://app@db/prod?sslmode=require&password=s3cret", "postgres://app@db/prod?sslmode=require&password=********"),
        ("--database-url=postgres://u:s3cret%zz@h/db", "--database-url=postgres://u:********@h/db"),
        ("host=db password=s3cret dbname=prod", "host=db password=******** dbname=prod"),
        ("host=db password=two words dbname=prod", "host=db password=******** dbname=prod"),
        (#"host=db password = 'it\'s secret' port = 5432"#, "host=db password = ******** port = 5432"),
        ("postgresql://app@db/prod", "postgresql://app@db/prod"),
        ("host=db user=app", "host=db user=app"),
    ])
    func masksExactlyThePassword(text: String, expected: String) {
        #expect(ConninfoSecrets.masked(text) == expected)
    }

    /// libpq's parse errors quote values ("invalid percent-encoded token: \"s3cret%zz\""); none may hold the password.
    @Test(arguments: [
        ("postgres://u:s3cret%zz@h/db", ["s3cret"]),
        ("postgres://u:s3c%00ret@h/db", ["s3c%00ret", "s3c"]),
        ("host=h password=my s3cret", ["s3cret"]),
        ("postgresql://u:s3cret@[::1/db", ["s3cret"]),
    ])
    func parseErrorsNeverShowThePassword(conninfo: String, secrets: [String]) throws {
        let error = try #require(throws: PostgresError.self) { try ConnectionConfig(conninfo) }
        for secret in secrets {
            #expect(!error.description.contains(secret), "\(error.description)")
        }
        #expect(error.description.contains("the database URL"))
    }

    @Test func shortWordsOfAPasswordAreNotMaskedAllOverTheText() {
        #expect(ConninfoSecrets.passwords(in: "password=a longword") == ["a longword", "longword"])
    }
}
