@testable import GafferCLI
import Testing

@Suite("misspelt DATABASE_URL")
struct MisspeltVariableTests {
    @Test func nearMissesAreNamedAndOthersAreNot() {
        let env = ["DATABSE_URL": "postgres://db/app", "DATABASE_URI": "postgres://db/app", "database_url": "x",
                   "DATABASE_URL": "postgres://db/app", "REDIS_URL": "redis://r", "DATABASE_URLS": "",
                   "DATABASE_HOST": "db", "PATH": "/usr/bin"]
        #expect(MisspeltVariable.suspects(in: env) == ["DATABASE_URI", "DATABSE_URL", "database_url"])
        #expect(MisspeltVariable.suspects(in: ["DATABASE_URL": "x", "HOME": "/root"]).isEmpty)
    }
}
