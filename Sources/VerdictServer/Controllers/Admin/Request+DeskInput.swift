import Foundation
import Vapor
import VerdictCore

/// Reading the desk's and the admin API's path and query parameters, with errors that say
/// what was expected.
extension Request {
    var toolSlug: String {
        get throws {
            guard let slug = parameters.get("slug") else { throw Abort(.badRequest, reason: "missing tool slug") }
            return slug
        }
    }

    var reviewID: UUID {
        get throws {
            guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else {
                throw Abort(.badRequest, reason: "The take id must be a UUID.")
            }
            return id
        }
    }

    func limit(default value: Int, max: Int) throws -> Int {
        guard let raw = query[String.self, at: "limit"] else { return value }
        guard let n = Int(raw), (1...max).contains(n) else {
            throw Abort(.badRequest, reason: "limit must be a whole number from 1 to \(max); got \"\(raw.prefix(20))\"")
        }
        return n
    }

    /// Where a page of a list starts: 0 to 10,000,000 (bounded, so `offset + limit` cannot overflow).
    func offset() throws -> Int {
        guard let raw = query[String.self, at: "offset"] else { return 0 }
        guard let n = Int(raw), (0...10_000_000).contains(n) else {
            throw Abort(.badRequest, reason: "offset must be a whole number from 0 to 10000000; got \"\(raw.prefix(20))\"")
        }
        return n
    }

    func flag(_ name: String) throws -> Bool {
        guard let raw = query[String.self, at: name] else { return false }
        switch raw.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off", "": return false
        default: throw Abort(.badRequest, reason: "\(name) must be true or false; got \"\(raw.prefix(20))\"")
        }
    }
}
