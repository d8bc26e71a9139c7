/// The request line of an HTTP/1.x request, parsed from the bytes received so far (pure).
struct HTTPRequestHead: Equatable, Sendable {
    var method: String
    /// The path without its query string, e.g. `/status/started`.
    var path: String

    enum Parse: Equatable {
        /// The blank line that ends the head has not arrived yet.
        case incomplete
        case request(HTTPRequestHead)
        /// Not an HTTP request, or a head over `limit` bytes.
        case invalid
    }

    /// Bytes a request head may take; probes and scrapers send a few hundred.
    static let limit = 8192

    static func parse(_ bytes: [UInt8]) -> Parse {
        guard let end = headEnd(bytes) else { return bytes.count > limit ? .invalid : .incomplete }
        guard end <= limit else { return .invalid }
        let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? end
        var line = bytes[..<lineEnd]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }),
              parts[2].starts(with: Array("HTTP/1.".utf8)),
              parts[0].allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }),
              parts[1].first == UInt8(ascii: "/"),
              parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .invalid }
        let target = parts[1].split(separator: UInt8(ascii: "?"), maxSplits: 1, omittingEmptySubsequences: false)[0]
        return .request(HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self),
                                        path: String(decoding: target, as: UTF8.self)))
    }

    /// Index just past the blank line (`\r\n\r\n` or `\n\n`), if it has arrived.
    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\r"), bytes[index + 2] == UInt8(ascii: "\n") {
                    return index + 3
                }
            }
            index += 1
        }
        return nil
    }
}
