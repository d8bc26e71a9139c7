@testable import GafferOps
import GafferEngine
import Testing

@Suite("probe request heads")
struct HTTPRequestHeadTests {
    @Test func aProbeRequestGivesItsPathWithoutTheQuery() {
        let head = Array("GET /status/started?verbose=1 HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        #expect(HTTPRequestHead.parse(head) == .request(HTTPRequestHead(method: "GET", path: "/status/started")))
        #expect(HTTPRequestHead.parse(Array("GET / HTTP/1.0\n\n".utf8)) == .request(HTTPRequestHead(method: "GET", path: "/")))
    }

    @Test func aHeadWaitsForItsBlankLine() {
        #expect(HTTPRequestHead.parse(Array("GET /status HTTP/1.1\r\nHost: x\r\n".utf8)) == .incomplete)
        #expect(HTTPRequestHead.parse([]) == .incomplete)
    }

    @Test func garbageAndOversizedHeadsAreInvalid() {
        for text in ["\u{16}\u{03}\u{01}\0\0\r\n\r\n", "hello\r\n\r\n", "GET status HTTP/1.1\r\n\r\n", "get / HTTP/1.1\r\n\r\n",
                     "GET / SPDY/3\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n", "GET /\u{7F} HTTP/1.1\r\n\r\n"] {
            #expect(HTTPRequestHead.parse(Array(text.utf8)) == .invalid, "\(text.debugDescription)")
        }
        #expect(HTTPRequestHead.parse([UInt8](repeating: 65, count: HTTPRequestHead.limit + 1)) == .invalid)
    }

    @Test func theHealthPathsAnswerAsGoodJobs() {
        var health = WorkerHealth.State()
        #expect(HealthRoutes.response(path: "/", health: health) == HTTPResponse(status: 200, body: "OK"))
        #expect(HealthRoutes.response(path: "/status", health: health) == HTTPResponse(status: 200, body: "OK"))
        #expect(HealthRoutes.response(path: "/status/started", health: health) == HTTPResponse(status: 503, body: "Not started"))
        #expect(HealthRoutes.response(path: "/status/connected", health: health) == HTTPResponse(status: 503, body: "Not connected"))
        #expect(HealthRoutes.response(path: "/nope", health: health) == nil)
        health.notifierConnected = true
        #expect(HealthRoutes.response(path: "/status/connected", health: health)?.status == 503)
        health.started = true
        #expect(HealthRoutes.response(path: "/status/started", health: health) == HTTPResponse(status: 200, body: "Started"))
        #expect(HealthRoutes.response(path: "/status/connected", health: health) == HTTPResponse(status: 200, body: "Connected"))
    }
}
