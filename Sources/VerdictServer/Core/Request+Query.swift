import Vapor

extension Request {
    /// One value of the query string, or nil. Most reads have no query string, and Vapor's
    /// query decoder costs a few percent of a cached page even then: it is not run without one.
    func queryValue(_ name: String) -> String? {
        guard let query = url.query, !query.isEmpty else { return nil }
        return self.query[String.self, at: name]
    }

    /// Every value of the query string by name (the first of a repeated name), decoded once.
    func queryValues() -> [String: String] {
        guard let query = url.query, !query.isEmpty else { return [:] }
        return (try? self.query.decode([String: String].self)) ?? [:]
    }
}
