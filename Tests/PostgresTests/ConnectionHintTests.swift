import Postgres
import Testing

/// A failed connection says what to do, by what libpq reported.
struct ConnectionHintTests {
    func text(_ message: String) -> String {
        PostgresError(.connectionFailed, message, context: "database \"app\"").description
    }

    @Test func eachCauseNamesItsFix() {
        #expect(text("FATAL:  password authentication failed for user \"app\"").hasSuffix("; check the password (in the URL, PGPASSWORD or ~/.pgpass)"))
        #expect(text("FATAL:  database \"app\" does not exist").hasSuffix("; create the database or correct its name"))
        #expect(text("FATAL:  sorry, too many clients already")
                    .hasSuffix("; the server's max_connections is reached: close idle sessions or raise max_connections"))
        #expect(text("Connection refused").hasSuffix("; start PostgreSQL or set DATABASE_URL"))
    }
}
