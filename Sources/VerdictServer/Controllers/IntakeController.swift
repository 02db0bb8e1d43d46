import Fluent
import Foundation
import Vapor
import VerdictCore

/// The public side of the intake: `/suggest` (a reader's or a vendor's suggestion, held for an
/// editor) and `/new` (what changed in the catalog, by day).
struct IntakeController: Sendable {
    /// Suggestions one network (/24 or /64) may send per hour, across app servers.
    static let suggestionsPerNetworkPerHour = 10
    /// Events on one page of `/new`.
    static let pageSize = 100

    func suggestPage(req: Request) async throws -> Response {
        let categories = try await CategoryListing.summaries(on: req.db).map(\.name)
        return SuggestPage.form(categories: categories, values: [:], problems: [:]).response()
    }

    struct SuggestForm: Content {
        var name: String?
        var url: String?
        var category: String?
        var reason: String?
        var vendor: String?
    }

    func suggest(req: Request) async throws -> Response {
        guard let key = req.verdict.signingKey else { throw Abort(.serviceUnavailable, reason: "Database not prepared") }
        let network = VoterGate.networkHash(req, key: key)
        let now = req.dependencies.clock.now()
        let window = LimitCounter.Window(containing: now, length: 3600)
        let count = try await LimitCounter.increment("suggest:\(network)", in: window, on: req.db)
        guard count <= Self.suggestionsPerNetworkPerHour else {
            let minutes = (window.secondsLeft(at: now) + 59) / 60
            throw Abort(
                .tooManyRequests, headers: ["Retry-After": "\(window.secondsLeft(at: now))"],
                reason: "Too many suggestions from your network; try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
        }
        guard let form = try? req.content.decode(SuggestForm.self) else {
            throw Abort(.badRequest, reason: "Expected the suggestion form's fields: name, url, category, reason")
        }
        let categories = try await CategoryListing.summaries(on: req.db).map(\.name)
        let vendor = form.vendor == "1"
        switch Suggestion.check(
            name: form.name, url: form.url, category: form.category, reason: form.reason, vendor: vendor, categories: categories)
        {
        case .failure(let problems):
            let values = [
                "name": form.name ?? "", "url": form.url ?? "", "category": form.category ?? "", "reason": form.reason ?? "",
                "vendor": vendor ? "1" : "",
            ]
            return SuggestPage.form(categories: categories, values: values, problems: problems.fields).response(status: .badRequest)
        case .success(let suggestion):
            _ = try await IntakeQueue.submit(suggestion, kind: vendor ? .vendor : .suggestion, network: network, at: now, on: req.db)
            req.logger.notice("intake: suggestion \"\(suggestion.name)\" queued for the desk")
            return SuggestPage.thanks(name: suggestion.name).response()
        }
    }

    func whatsNew(req: Request) async throws -> Response {
        let category = try CategoryFilter.read(req)
        let before = req.queryValue("before").flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
        let rows = try await CatalogEvents.latest(category: category, before: before, limit: Self.pageSize + 1, on: req.db)
        let categories = try await CategoryListing.summaries(on: req.db)
        let shown = Array(rows.prefix(Self.pageSize))
        let next = rows.count > Self.pageSize ? shown.last?.at : nil
        let counts = try await CatalogEvents.counts(days: Array(Set(shown.map(\.day))), category: category, on: req.db)
        return WhatsNewPage(rows: shown, counts: counts, categories: categories, category: category, next: next).document().response()
    }
}
