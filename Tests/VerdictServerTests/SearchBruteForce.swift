import Foundation
import Vapor
import VerdictCore

@testable import VerdictServer

/// The search filters restated plainly over every listed tool, with no index and no SQL: what
/// `SearchTests` holds the search to.
enum BruteForce {
    struct Row {
        var slug, category: String
        var entry: EntryTier
        var facts: ToolFacts
        var panel, community: Int
        var standing: Double
        var words: Set<String>
        var name: [String]
        var meta: Set<String>
        /// The lowest standard price in the first unit, in this order, that any offer has.
        var price: Decimal?
    }

    static func rows(_ app: Application) async throws -> [Row] {
        let models = try await ToolModel.allBySlug(on: app.db).filter { $0.retiredAt == nil }
        let standings = try await ToolModel.standings(of: models, on: app.db).compactMap { $0 }
        let quotes = try await OfferPrices.quotes(tools: models.compactMap(\.id), on: app.db)
        let order: [PricedUnit] = [.inputTokens, .videoSecond, .audioSecond, .image, .request, .seatMonth, .flatMonth]
        return zip(models, standings).map { model, s in
            let t = s.tool
            let text = [t.name, t.vendor ?? "", t.tagline ?? "", t.description, t.category] + s.takes.map(\.text)
            let prices = (quotes[model.id!] ?? []).filter { $0.offer.variant == .standard }.flatMap(\.offer.prices)
            var price = order.lazy.compactMap { unit in prices.filter { $0.unit == unit }.map(\.amount).min() }.first
            if price == nil, t.entry == .free { price = 0 }
            if price == nil, let declared = t.facts.inputPricePerMTok { price = Decimal(string: "\(declared)") }
            return Row(
                slug: t.slug, category: t.categorySlug, entry: t.entry, facts: t.facts, panel: s.panel.shipPercent ?? -1,
                community: s.community.shipPercent ?? -1, standing: model.rubricStanding, words: Set(text.flatMap(SearchText.words)),
                name: SearchText.words(t.name),
                meta: Set(SearchText.words(t.name) + SearchText.words(t.vendor ?? "") + SearchText.words(t.tagline ?? "")), price: price)
        }
    }

    /// Where the words are: 0 the whole name, 1 all in the name, 2 all in name, vendor or tagline, 3 elsewhere.
    static func tier(_ r: Row, _ words: [String]) -> Int {
        func all(_ set: some Sequence<String>) -> Bool { words.allSatisfy { w in set.contains { $0.hasPrefix(w) } } }
        if words.isEmpty { return 3 }
        if r.name == words { return 0 }
        return all(r.name) ? 1 : all(r.meta) ? 2 : 3
    }

    /// Every listed tool the parameters keep, in the search's order: tier, then panel, community,
    /// the rubric's standing, slug.
    static func filter(_ rows: [Row], _ p: [String: String]) -> [String] {
        let kept = rows.filter { r in
            if let c = p["category"], r.category != c { return false }
            if let e = p["entry"], r.entry.rawValue != e { return false }
            if let o = p["open_weights"], r.facts.openWeights != (o == "true") { return false }
            if let l = p["license"], r.facts.license?.lowercased() != l.lowercased() { return false }
            if let m = p["modality"], !((r.facts.modalities ?? []) + (r.facts.outputModalities ?? [])).map({ $0.lowercased() }).contains(m)
            {
                return false
            }
            if let n = p["min_context"].flatMap(Int.init), (r.facts.contextWindow ?? -1) < n { return false }
            if let x = p["max_input_price"].flatMap({ Decimal(string: $0) }) {
                guard let price = r.price, price <= x else { return false }
            }
            switch p["verdict"] {
            case "ship": if r.panel <= 50 { return false }
            case "split": if r.panel != 50 { return false }
            case "skip": if r.panel < 0 || r.panel >= 50 { return false }
            default: break
            }
            if let n = p["min_community"].flatMap(Int.init), r.community < n { return false }
            if let after = p["released_after"] {
                guard let launched = r.facts.launched, launched.prefix(7) > after.prefix(7) else { return false }
            }
            if let q = p["q"] {
                for word in SearchText.words(q) where !r.words.contains(where: { $0.hasPrefix(word) }) { return false }
            }
            return true
        }
        let words = SearchText.words(p["q"] ?? "")
        return kept.map { ($0, tier($0, words)) }.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            if (a.0.panel, a.0.community) != (b.0.panel, b.0.community) { return (a.0.panel, a.0.community) > (b.0.panel, b.0.community) }
            if a.0.standing != b.0.standing { return a.0.standing > b.0.standing }
            return a.0.slug < b.0.slug
        }.map(\.0.slug)
    }
}
