import Fluent
import FluentSQL
import Foundation
import MCP
import Vapor
import VerdictCore

/// The answers behind the MCP tools, as plain JSON objects with links and provenance.
enum MCPAnswers {
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func origin(_ app: Application) -> String { app.mail.publicURL }

    /// The site's search (`SearchQuery`), the MCP arguments read as its query parameters.
    static func search(_ args: [String: Value], app: Application) async throws -> [String: Any] {
        let limit = args["limit"]?.intValue ?? 10
        guard (1...25).contains(limit) else { throw Problem("'limit' must be 1 to 25") }
        var values: [String: String] = [:]
        for name in SearchFilters.names {
            guard let value = args[name == "q" ? "query" : name] else { continue }
            values[name] =
                value.stringValue ?? value.intValue.map(String.init) ?? value.doubleValue.map { "\($0)" } ?? value.boolValue.map { "\($0)" }
        }
        let filters: SearchFilters
        do throws(SearchFilters.Problem) { filters = try SearchFilters.parse(values) } catch { throw Problem(error.message) }
        let asked = SearchController.Asked(filters: filters, page: 1, size: limit)
        let (results, rows) = try await SearchController.results(asked, on: app.db)
        return [
            "results": rows.map { r in
                [
                    "slug": r.slug, "name": r.name, "category": r.category, "entry": r.entry.rawValue,
                    "panel_ship_percent": r.panel.shipPercent as Any, "community_ship_percent": r.community.shipPercent as Any,
                    "community_votes": r.community.votes, "matched_in": r.hit.place as Any,
                    "url": origin(app) + SiteURL.tool(r.slug).path,
                ] as [String: Any]
            },
            "corrected": results.match.corrected,
            "provenance": "Verdict catalog at \(origin(app)); panel ship = persona takes saying ship ÷ takes, community = reader votes",
        ]
    }

    static func summary(_ s: ToolStanding, app: Application) -> [String: Any] {
        [
            "slug": s.tool.slug, "name": s.tool.name, "category": s.tool.category, "entry": s.tool.entry.rawValue,
            "panel_ship_percent": s.panel.shipPercent as Any, "community_ship_percent": s.community.shipPercent as Any,
            "community_votes": s.community.votes, "url": origin(app) + SiteURL.tool(s.tool.slug).path,
        ]
    }

    static func verdict(_ slug: String, app: Application) async throws -> [String: Any] {
        guard let row = try await ToolModel.find(slug: slug, on: app.db), let id = row.id,
            let standing = try await ToolModel.standing(of: row, on: app.db)
        else { throw Problem("There is no tool called '\(slug.prefix(80))' in the catalog.") }
        let current = try await TakeModel.currentRows(tool: id, on: app.db)
        let takes: [[String: Any]] = standing.takes.map { take in
            let entry = current[take.persona]
            return [
                "persona": take.persona.rawValue, "verdict": take.verdict.rawValue, "conviction": take.conviction.rawValue,
                "flip": take.flip as Any, "text": take.text, "source": take.source.rawValue,
                "model": entry?.model as Any, "prompt_version": entry?.promptVersion as Any,
                "written_at": entry?.createdAt.map { UTCDate.internet($0) } as Any,
            ]
        }
        var answer = summary(standing, app: app)
        answer["takes"] = takes
        answer["claims"] = standing.tool.ledger.entries.map { ["claim": $0.claim, "status": $0.status.rawValue] }
        answer["fragility"] = [
            "community": Fragility.Community(standing.community)?.sentence as Any,
            "panel": Fragility.Panel(takes: standing.takes)?.sentence as Any,
        ]
        answer["provenance"] =
            "Each take names its persona and author (rubric version, or model and prompt version) and the date it was written."
        return answer
    }

    static func compare(_ a: String, _ b: String, app: Application) async throws -> [String: Any] {
        guard Slug.isValidToolSlug(a), Slug.isValidToolSlug(b) else { throw Problem("'a' and 'b' must be tool slugs") }
        let (comparison, _) = try await Comparing.loadWithIDs(a, b, on: app.db)
        return [
            "pick": comparison.recommendation.pick as Any, "reason": comparison.recommendation.reason,
            "different_jobs": comparison.differentJobs, "split_personas": comparison.split.map(\.rawValue),
            "tools": [summary(comparison.a, app: app), summary(comparison.b, app: app)],
            "url": origin(app) + SiteURL.compare(a, b).path,
            "provenance":
                "Derived in code from the panel's takes and the community's votes (see \(origin(app))\(SiteURL.methodology.path))",
        ]
    }

    static func cost(_ args: [String: Value], app: Application) async throws -> Any {
        let slugs = (args["tools"]?.stringValue ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard (1...CostAPIController.maxTools).contains(slugs.count), slugs.allSatisfy(Slug.isValidToolSlug) else {
            throw Problem("'tools' must list 1 to \(CostAPIController.maxTools) tool slugs separated by commas")
        }
        var values: [String: String] = [:]
        for name in UsageProfile.names {
            guard let value = args[name] else { continue }
            values[name] =
                value.stringValue ?? value.intValue.map(String.init) ?? value.doubleValue.map { "\($0)" } ?? value.boolValue.map { "\($0)" }
        }
        guard !values.isEmpty else { throw Problem("Name a workload: a preset or at least one of input_tokens, output_tokens, …") }
        let (usage, preset): (UsageProfile, UsagePreset?)
        do throws(UsageError) { (usage, preset) = try UsageProfile.parse(values) } catch { throw Problem(error.message) }
        let estimates = try await CostReading.estimates(slugs: slugs, usage: usage, on: app.db)
        let body = API.CostAnswer(
            workload: API.CostWorkload(usage, preset: preset), tools: estimates.map { API.ToolCost($0.tool, $0.estimate) })
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: try encoder.encode(body))
    }
}
