import Vapor
import VerdictCore

extension API {
    /// `GET /api/v1/search`: one page of results and the path of the next.
    struct SearchAnswer: Content {
        var query: String
        /// Query words no indexed word begins with, and the name words searched instead.
        var corrected: [String: [String]]
        var results: [SearchResult]
        /// The next page's path and query; null on the last page.
        @ExplicitNull var next: String?

        init(_ asked: SearchController.Asked, results: SearchQuery.Results, rows: [SearchQuery.Row]) {
            query = asked.filters.query
            corrected = results.match.corrected
            self.results = rows.map(SearchResult.init)
            var nextPath: String?
            if results.more, asked.page < SearchQuery.maxPage {
                nextPath = SiteURL.api(.search(asked.filters, page: asked.page + 1)).path
                if asked.size != SearchQuery.pageSize { nextPath? += "&limit=\(asked.size)" }
            }
            next = nextPath
        }
    }

    struct SearchResult: Content {
        var slug, name, category, categorySlug: String
        var vendor, tagline: String?
        var entry: EntryTier
        var panel: Score
        var community: Score
        /// Where the words were found: "exact name", "name", "vendor or tagline", "description or
        /// takes"; null when the search had no words.
        @ExplicitNull var matchedIn: String?
        /// The tool's headline price, a decimal in USD, and its unit; null when unknown.
        @ExplicitNull var inputPrice: String?
        @ExplicitNull var priceUnit: String?
        var url: String

        init(_ row: SearchQuery.Row) {
            let hit = row.hit
            (slug, name, category, categorySlug, vendor, tagline) = (
                row.slug, row.name, row.category, row.categorySlug, row.vendor, row.tagline
            )
            (entry, panel, community) = (row.entry, Score(row.panel), Score(row.community))
            matchedIn = hit.place
            inputPrice = hit.inputPrice.flatMap { Decimal(string: String(format: "%.10f", $0), locale: Locale(identifier: "en_US_POSIX")) }
                .map { "\($0)" }
            priceUnit = hit.priceUnit?.rawValue
            url = SiteURL.tool(row.slug).path
        }
    }
}
