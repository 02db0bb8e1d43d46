import Fluent
import Vapor
import VerdictCore

/// `/search` and `GET /api/v1/search`: the same parameters, the same results, one page at a time.
/// Answers are not cached: the words are the reader's, and a page of results costs a few
/// indexed statements (bench/README.md measures it at 10,000 tools).
struct SearchController {
    struct Asked {
        var filters: SearchFilters
        var page: Int
        var size: Int
    }

    /// The parameters, or a 400 naming the one that is wrong.
    /// `api`: the JSON API, which refuses empty parameters and takes `limit`; the page's form
    /// sends every field, so there an empty one means any.
    static func asked(_ req: Request, api: Bool) throws -> Asked {
        var values: [String: String] = [:]
        for name in SearchFilters.names { values[name] = req.queryValue(name) }
        let filters: SearchFilters
        do throws(SearchFilters.Problem) { filters = try SearchFilters.parse(values, emptyMeansAny: !api) } catch {
            throw Abort(.badRequest, reason: error.message)
        }
        var page = 1
        if let raw = req.queryValue("page") {
            guard let n = Int(raw), (1...SearchQuery.maxPage).contains(n) else {
                throw Abort(.badRequest, reason: "'page' must be a whole number from 1 to \(SearchQuery.maxPage).")
            }
            page = n
        }
        var size = SearchQuery.pageSize
        if api, let raw = req.queryValue("limit") {
            guard let n = Int(raw), (1...SearchQuery.maxPageSize).contains(n) else {
                throw Abort(.badRequest, reason: "'limit' must be a whole number from 1 to \(SearchQuery.maxPageSize).")
            }
            size = n
        }
        return Asked(filters: filters, page: page, size: size)
    }

    /// One page of results, each with the tool's figures, in the search's order.
    static func results(_ asked: Asked, on db: any Database) async throws -> (SearchQuery.Results, [SearchQuery.Row]) {
        let results = try await SearchQuery.run(asked.filters, page: asked.page, size: asked.size, on: db)
        return (results, try await SearchQuery.rows(results.hits, on: db))
    }

    func page(req: Request) async throws -> Response {
        let categories = try await ToolModel.categorySummaries(on: req.db)
        let asked: Asked
        do { asked = try Self.asked(req, api: false) } catch let abort as Abort {
            return SearchPage(asked: nil, problem: abort.reason, categories: categories).document().response(status: .badRequest)
        }
        let (results, rows) = try await Self.results(asked, on: req.db)
        return SearchPage(asked: asked, results: results, rows: rows, categories: categories).document().response()
    }

    func api(req: Request) async throws -> API.SearchAnswer {
        let asked = try Self.asked(req, api: true)
        let (results, rows) = try await Self.results(asked, on: req.db)
        return API.SearchAnswer(asked, results: results, rows: rows)
    }
}
