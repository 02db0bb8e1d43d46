import Fluent
import FluentSQL
import Foundation
import Plot
import Vapor
import VerdictCore

/// The desk's intake queue and dataset sources.
extension AdminController {
    func intake(req: Request) async throws -> Response {
        try await intakePage(req, notice: req.queryValue("done").flatMap(Self.doneNotice)).response()
    }

    private func intakePage(_ req: Request, notice: String? = nil, problem: String? = nil) async throws -> HTML {
        try Self.desk(req).intake(
            pending: try await IntakeQueue.entries(status: .pending, limit: 200, on: req.db),
            decided: try await IntakeQueue.entries(status: nil, limit: 30, on: req.db).filter { $0.status != "pending" },
            categories: try await CategoryListing.summaries(on: req.db).map(\.name), notice: notice, problem: problem)
    }

    private static func doneNotice(_ done: String) -> String? {
        ["added": "Added to the queue.", "accepted": "Published; the panel is running.", "merged": "Merged.", "rejected": "Rejected."][done]
    }

    struct AddForm: Content {
        var url: String?
        var name: String?
        var category: String?
        var new_category: String?
    }

    /// "Add from URL": the page's title names the tool unless the editor typed a name.
    func intakeAdd(req: Request) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        let categories = try await CategoryListing.summaries(on: req.db).map(\.name)
        let url = (form.url ?? "").trimmingCharacters(in: .whitespaces)
        var name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var reason = "Added from \(url) by \(req.principal.actor)."
        if Suggestion.isWebURL(url) {
            let fetcher = SourceFetcher(http: req.dependencies.http, maxBytes: 512 * 1024, timeoutSeconds: 5)
            if case .body(let data, _)? = try? await fetcher.fetch(.url(url), since: .init()) {
                let page = PageSummary.read(String(decoding: data, as: UTF8.self))
                if name.isEmpty, let title = page.title { name = title }
                if let description = page.description { reason = description }
            }
        }
        let category = Self.chosenCategory(form.category, new: form.new_category)
        switch Suggestion.check(
            name: name, url: url, category: category, reason: reason, vendor: false, categories: categories + [category].compactMap { $0 })
        {
        case .failure(let problems):
            let text = problems.fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
            return try await intakePage(req, problem: "Not added: \(text).").response(status: .badRequest)
        case .success(let suggestion):
            _ = try await IntakeQueue.submit(suggestion, kind: .editor, network: nil, at: req.dependencies.clock.now(), on: req.db)
            return req.redirect(to: SiteURL.admin(.intake).path + "?done=added", redirectType: .normal)
        }
    }

    /// The category typed on purpose in "new category", else the one chosen from the list.
    static func chosenCategory(_ chosen: String?, new: String?) -> String? {
        let typed = (new ?? "").trimmingCharacters(in: .whitespaces)
        return typed.isEmpty ? chosen : typed
    }

    struct DecideForm: Content {
        var action: String
        var slug: String?
        var category: String?
        var new_category: String?
        var into: String?
    }

    func intakeDecide(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Abort(.notFound, reason: "There is no such intake entry.")
        }
        let form = try req.content.decode(DecideForm.self)
        let actor = req.principal.actor
        let now = req.dependencies.clock.now()
        do {
            switch form.action {
            case "accept" where try await IntakeQueue.find(id, on: req.db)?.kind == IntakeQueue.Kind.dataset.rawValue:
                _ = try await IntakeQueue.accept(id, slug: "", category: "", actor: actor, app: req.application)
                return req.redirect(to: SiteURL.admin(.intake).path + "?done=accepted", redirectType: .normal)
            case "accept":
                let categories = try await CategoryListing.summaries(on: req.db).map(\.name)
                let new = (form.new_category ?? "").trimmingCharacters(in: .whitespaces)
                guard let category = Self.chosenCategory(form.category, new: form.new_category),
                    !new.isEmpty || categories.contains(category)
                else {
                    return try await intakePage(req, problem: "Choose a category from the list, or type a new one on purpose.")
                        .response(status: .badRequest)
                }
                _ = try await IntakeQueue.accept(
                    id, slug: (form.slug ?? "").trimmingCharacters(in: .whitespaces), category: category, actor: actor, app: req.application
                )
                return req.redirect(to: SiteURL.admin(.intake).path + "?done=accepted", redirectType: .normal)
            case "merge":
                try await IntakeQueue.merge(
                    id, into: (form.into ?? "").trimmingCharacters(in: .whitespaces), actor: actor, at: now, on: req.db)
                return req.redirect(to: SiteURL.admin(.intake).path + "?done=merged", redirectType: .normal)
            case "reject":
                try await IntakeQueue.reject(id, actor: actor, at: now, on: req.db)
                return req.redirect(to: SiteURL.admin(.intake).path + "?done=rejected", redirectType: .normal)
            default:
                throw Abort(.badRequest, reason: "'action' must be accept, merge or reject")
            }
        } catch let failure as IntakeQueue.Failure {
            let message: String
            let status: HTTPStatus
            switch failure {
            case .notFound: (message, status) = ("There is no such intake entry.", .notFound)
            case .alreadyDecided(let state): (message, status) = ("Someone decided this entry first (\(state)).", .conflict)
            case .invalid(let why): (message, status) = ("Not done: \(why)", .badRequest)
            }
            return try await intakePage(req, problem: message).response(status: status)
        }
    }

    func sources(req: Request) async throws -> Response {
        let states = try await SourceSyncState.all(on: req.db)
        let disagreements = try await SourceRecords.disagreements(limit: 200, on: req.db)
        return try Self.desk(req).sources(configured: req.settings.intake.sources.sources, states: states, disagreements: disagreements)
            .response()
    }
}

/// The title and description of a fetched web page, for "Add from URL".
enum PageSummary {
    static func read(_ html: String) -> (title: String?, description: String?) {
        let title = html.firstMatch(of: /(?is)<title[^>]*>(.*?)<\/title>/).map { decode(String($0.1)) }
        let description = html.firstMatch(of: /(?is)<meta\s+[^>]*name\s*=\s*["']description["'][^>]*content\s*=\s*["']([^"']*)["']/)
            .map { decode(String($0.1)) }
        return (title.flatMap(clip), description.flatMap(clip))
    }

    private static func decode(_ text: String) -> String {
        TextCleaning.oneLine(
            text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'"))
    }

    private static func clip(_ text: String) -> String? {
        let cleaned = TextCleaning.clean(text)
        return cleaned.isEmpty ? nil : String(cleaned.prefix(Suggestion.maxName))
    }
}
