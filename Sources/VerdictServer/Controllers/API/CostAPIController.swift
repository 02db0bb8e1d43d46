import Fluent
import Foundation
import Vapor
import VerdictCore

/// `GET /api/v1/cost?tools=a,b&…`: what a month of use would cost with each tool, with the offer
/// chosen and the arithmetic; the same parameters as the cost form on comparison pages.
struct CostAPIController: Sendable {
    static let maxTools = 10

    func cost(req: Request) async throws -> CachedAnswer {
        let raw = req.queryValue("tools") ?? ""
        let slugs = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !slugs.isEmpty, slugs.count <= Self.maxTools else {
            throw Abort(
                .badRequest,
                reason: "'tools' must list 1 to \(Self.maxTools) tool slugs separated by commas, like tools=gpt-4o,claude-haiku-4-5")
        }
        if let bad = slugs.first(where: { !Slug.isValidToolSlug($0) }) {
            throw Abort(.badRequest, reason: "'\(bad.prefix(80))' in 'tools' is not a tool slug")
        }
        guard let (usage, preset) = try CostReading.usage(req) else {
            throw Abort(
                .badRequest,
                reason:
                    "Name a workload: preset=hobby|startup|scale-up or at least one of input_tokens, output_tokens, images, audio_seconds, video_seconds, seats, requests"
            )
        }
        var answer = CachedAnswer { db in
            let estimates = try await CostReading.estimates(slugs: slugs, usage: usage, on: db)
            let body = API.CostAnswer(
                workload: API.CostWorkload(usage, preset: preset),
                tools: estimates.map { API.ToolCost($0.tool, $0.estimate) })
            return try .json(body, tags: Set(slugs.map { CacheTag.tool($0) }))
        }
        answer.keyQuery = CostReading.keyQuery(usage, preset: preset)
        answer.keyQuery["tools"] = slugs.joined(separator: ",")
        return answer
    }
}

/// Reading a workload from a request and pricing tools for it: shared by the API and the pages.
enum CostReading {
    /// The workload in the query (known parameters only), or a 400 naming the bad value. Nil
    /// when the query names no workload at all. The query is decoded once, not once per name.
    static func usage(_ req: Request) throws -> (UsageProfile, UsagePreset?)? {
        let query = req.queryValues()
        var values: [String: String] = [:]
        for name in UsageProfile.names {
            if let value = query[name], !value.isEmpty { values[name] = value }
        }
        guard !values.isEmpty else { return nil }
        do throws(UsageError) {
            return try UsageProfile.parse(values)
        } catch {
            throw Abort(.badRequest, reason: error.message)
        }
    }

    /// The workload of a page: the reader's, or the default preset (`asked` says which).
    static func pageUsage(_ req: Request) throws -> (usage: UsageProfile, preset: UsagePreset?, asked: Bool) {
        if let (usage, preset) = try usage(req) { return (usage, preset, true) }
        return (CostView.defaultPreset.profile, CostView.defaultPreset, false)
    }

    /// The workload as cache-key values: normalised, so equal workloads share one cached answer.
    static func keyQuery(_ usage: UsageProfile, preset: UsagePreset?) -> [String: String] {
        var key = Dictionary(usage.query, uniquingKeysWith: { a, _ in a })
        if let preset { key["preset"] = preset.id }
        return key
    }

    /// Each tool's estimate, in the order asked; an unknown slug is a 404 naming it.
    static func estimates(slugs: [String], usage: UsageProfile, on db: any Database) async throws -> [(
        tool: ToolModel, estimate: CostEstimate
    )] {
        let found = try await ToolModel.find(slugs: slugs, on: db)
        let bySlug = Dictionary(found.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        if let missing = slugs.first(where: { bySlug[$0] == nil }) {
            throw Abort(.notFound, reason: "There is no tool called '\(missing)' in the catalog.")
        }
        let quotes = try await OfferPrices.quotes(tools: found.compactMap(\.id), on: db)
        return slugs.compactMap { slug in
            guard let tool = bySlug[slug], let id = tool.id else { return nil }
            return (tool, CostEstimate.estimate(usage, quotes: quotes[id] ?? []))
        }
    }
}
