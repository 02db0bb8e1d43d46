import Fluent
import Vapor
import VerdictCore

/// What a comparison page shows that no vote or pick changes: both tools' facts, takes and
/// offers. Kept in the `DataCache` under the two tools' tags; `withNumbers` adds the community
/// numbers and the head-to-head split, kept apart under the tools' `.community` tags.
struct ComparePageData: Sendable {
    /// The comparison in the address's order (its community numbers are replaced per render).
    var comparison: Comparison
    var a: ToolStanding { comparison.a }
    var b: ToolStanding { comparison.b }
    /// The pair in canonical order (how head-to-head picks are stored) and the tools' ids.
    var first: String
    var second: String
    var ids: [String: UUID]
    /// Each tool's priced offers, by slug, for the cost rows.
    var quotes: [String: [OfferQuote]]
    /// The page rendered with holes for what votes, picks and the reader change (`Compare.Hole`).
    var template = PageTemplate(marked: "")
    /// The cost section for a reader who gave no workload (both tools priced for the default
    /// preset), rendered.
    var defaultCost = ""
    /// The holes whose only state is the reader's answer, each rendering kept: the vote forms by
    /// vote (`""` for none), the pick form by pick (a slug, `neither`, or `""`).
    var answers: [Compare.Hole: [String: String]] = [:]

    var bytes: Int {
        8_192 + (a.takes + b.takes).reduce(0) { $0 + $1.text.utf8.count } + 256 * quotes.values.reduce(0) { $0 + $1.count }
            + template.size + defaultCost.utf8.count + answers.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.utf8.count } }
    }

    /// The holes kept rendered for this reader: their forms, and the cost section when they gave
    /// no workload.
    func kept(votes: [String: Verdict], pick: String?, defaultWorkload: Bool) -> [Compare.Hole: String] {
        var out: [Compare.Hole: String] = [:]
        out[.voteFormA] = answers[.voteFormA]?[votes[a.tool.slug]?.rawValue ?? ""]
        out[.voteFormB] = answers[.voteFormB]?[votes[b.tool.slug]?.rawValue ?? ""]
        out[.pickForm] = answers[.pickForm]?[pick ?? ""]
        if defaultWorkload { out[.cost] = defaultCost }
        return out
    }

    /// The cache key: the pair in the address's order and a day (see `ToolPageData.key`).
    static func key(_ a: String, _ b: String, at now: Date) -> String { "compare-page:\(a)|\(b)@\(UTCDate.day(now))" }

    /// The data and template; `origin` is the public origin the page's share tags name.
    static func load(_ a: String, _ b: String, origin: String, on db: any Database) async throws -> ComparePageData {
        let (comparison, ids) = try await Comparing.loadWithIDs(a, b, on: db)
        let (first, second) = Comparison.canonicalPair(a, b)
        let quotes = try await OfferPrices.quotes(tools: Array(ids.values), on: db)
        var data = ComparePageData(
            comparison: comparison, first: first, second: second, ids: ids,
            quotes: ids.reduce(into: [:]) { out, pair in out[pair.key] = quotes[pair.value] ?? [] })
        // Outside the holes the page reads only facts, takes and offers, so any reader's page can use it.
        var model = Compare.Model(
            comparison: comparison, canonical: SiteURL.canonicalCompare(a, b), myVotes: [:], notice: nil,
            headToHead: HeadToHeadTally(a: (a, 0), b: (b, 0), neither: 0), myPick: nil)
        model.cost = data.costView(
            for: comparison, usage: CostView.defaultPreset.profile, preset: CostView.defaultPreset, asked: false)
        model.origin = origin
        let view = Compare.View(model: model)
        (data.template, data.defaultCost) = (view.template(), view.section(.cost).render())
        for vote in [nil] + Verdict.allCases {
            var reader = view
            reader.model.myVotes = vote.map { [a: $0, b: $0] } ?? [:]
            data.answers[.voteFormA, default: [:]][vote?.rawValue ?? ""] = reader.fill(.voteFormA)
            data.answers[.voteFormB, default: [:]][vote?.rawValue ?? ""] = reader.fill(.voteFormB)
        }
        for pick in [nil, a, b, "neither"] {
            var reader = view
            reader.model.myPick = pick
            data.answers[.pickForm, default: [:]][pick ?? ""] = reader.fill(.pickForm)
        }
        return data
    }

    /// Both tools priced for `usage`, in the address's order.
    func costView(for comparison: Comparison, usage: UsageProfile, preset: UsagePreset?, asked: Bool) -> CostView {
        let (a, b) = (comparison.a.tool, comparison.b.tool)
        return CostView(
            pricing: [a, b].map { ($0, quotes[$0.slug] ?? []) }, usage: usage, preset: preset, asked: asked,
            action: SiteURL.compare(a.slug, b.slug).path)
    }

    /// The comparison with today's community numbers, and the head-to-head split: kept in the
    /// data cache under both tools' `.community` tags (a vote or pick drops them), read in two
    /// queries at once when missing.
    func withNumbers(on db: any Database, cache: DataCache) async throws -> (Comparison, PairTally) {
        let (ia, ib) = (ids[a.tool.slug]!, ids[b.tool.slug]!)  // both loaded, or `load` threw
        let (idFirst, idSecond) = (ids[first]!, ids[second]!)
        let numbers = try await cache.value("compare-numbers:\(first)|\(second)", as: Numbers.self) {
            async let counts = VoteModel.counts(forTools: [ia, ib], on: db)
            async let tally = PairVoteModel.tally(a: idFirst, b: idSecond, on: db)
            return (Numbers(counts: try await counts, tally: try await tally), [.community(first), .community(second)], 512)
        }
        let none = CommunityScore(ship: 0, skip: 0)
        return (comparison.withCommunity(numbers.counts[ia] ?? none, numbers.counts[ib] ?? none), numbers.tally)
    }

    /// What votes and picks change on a comparison page.
    struct Numbers: Sendable {
        var counts: [UUID: CommunityScore]
        var tally: PairTally
    }
}
