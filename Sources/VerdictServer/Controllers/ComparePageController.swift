import Fluent
import Plot
import Vapor
import VerdictCore

/// `/compare/{a}-vs-{b}`: the comparison page and its head-to-head form.
struct ComparePageController {
    func show(req: Request) async throws -> CachedAnswer {
        let (a, b) = try pair(req)
        var reader = try await Reader.load(req, slugs: [a, b])
        // Without a workload in the query the page prices the startup preset (`CostView.defaultPreset`).
        let (usage, preset, asked) = try CostReading.pageUsage(req)
        let myPick = try await myPick(a, b, reader: reader, req: req)
        let origin = req.application.mail.publicURL
        // Offers' "checked" dates move with source syncs that publish nothing: a day is part of the key.
        let now = req.dependencies.clock.now()
        if let myPick { reader.extra = "pick=\(myPick)" }
        let dataCache = req.application.dataCache
        var answer = CachedAnswer(variant: reader.variant) { [reader] db in
            // The two tools' facts, takes and offers come from the data cache (a vote or pick
            // leaves them); the numbers votes and picks change are kept apart and dropped by them.
            let data = try await dataCache.value(ComparePageData.key(a, b, at: now), as: ComparePageData.self) {
                let data = try await ComparePageData.load(a, b, origin: origin, on: db)
                return (data, [.tool(a), .tool(b)], data.bytes)
            }
            let (comparison, tally) = try await data.withNumbers(on: db, cache: dataCache)
            let bySlug = [data.first: tally.forA, data.second: tally.forB]
            var model = Compare.Model(
                comparison: comparison, canonical: SiteURL.canonicalCompare(a, b),
                myVotes: reader.votes, notice: reader.notice,
                headToHead: HeadToHeadTally(a: (a, bySlug[a] ?? 0), b: (b, bySlug[b] ?? 0), neither: tally.neither),
                myPick: myPick)
            model.origin = origin
            // The default preset's cost section was rendered with the data; a reader's workload now.
            if asked {
                let cost = data.costView(for: comparison, usage: usage, preset: preset, asked: true)
                (model.forWorkload, model.buyerForWorkload) = Self.forWorkload(
                    comparison,
                    estimates: Dictionary(cost.estimates.map { ($0.tool.slug, $0.estimate) }, uniquingKeysWith: { x, _ in x }),
                    workload: UsageText.describe(usage))
                model.cost = cost
            }
            let page = Compare.View(model: model).page(
                from: data.template, kept: data.kept(votes: reader.votes, pick: myPick, defaultWorkload: !asked))
            return .html(page, tags: [.tool(a), .tool(b)])
        }
        answer.keyQuery = reader.keyQuery
        answer.keyQuery["day"] = UTCDate.day(now)
        if asked { answer.keyQuery.merge(CostReading.keyQuery(usage, preset: preset)) { a, _ in a } }
        return answer
    }

    /// The comparison for a reader's workload: each Buyer's take recomputed by the rubric with
    /// the month's cost (against the other tool's), the panel and the recommendation derived again
    /// from those takes, then the cheaper month breaking a tie. `changed` compares with the plain page.
    static func forWorkload(_ comparison: Comparison, estimates: [String: CostEstimate], workload: String)
        -> (forWorkload: (recommendation: Recommendation, changed: Bool), buyers: [(name: String, take: Take)])
    {
        func buyer(_ s: ToolStanding, against other: ToolStanding) -> Take? {
            guard let estimate = estimates[s.tool.slug] else { return nil }
            return Rubric.buyerTake(
                for: s.tool,
                workload: BuyerWorkload(
                    description: workload, estimate: estimate, rivalName: other.tool.name, rivalTotal: estimates[other.tool.slug]?.total))
        }
        func replaced(_ s: ToolStanding, _ take: Take?) -> ToolStanding {
            guard let take else { return s }
            var out = s
            out.takes = s.takes.filter { $0.persona != .buyer } + [take]
            return out
        }
        let (ta, tb) = (buyer(comparison.a, against: comparison.b), buyer(comparison.b, against: comparison.a))
        let recomputed = Comparison(replaced(comparison.a, ta), replaced(comparison.b, tb))
        let result = recomputed.recommendation.forWorkload(
            recomputed.a, recomputed.b, costA: estimates[comparison.a.tool.slug]?.total, costB: estimates[comparison.b.tool.slug]?.total,
            workload: workload)
        let buyers = [(comparison.a.tool.name, ta), (comparison.b.tool.name, tb)].compactMap { name, take in take.map { (name, $0) } }
        var recommendation = result.recommendation
        let moved = [(comparison.a, recomputed.a), (comparison.b, recomputed.b)].compactMap { plain, mine -> String? in
            guard let was = plain.panel.shipPercent, let now = mine.panel.shipPercent, was != now else { return nil }
            return "\(mine.tool.name) moves from panel ship \(was)% to \(now)%"
        }
        if !moved.isEmpty {
            recommendation.reason =
                "With the Buyer recomputed for your workload, \(moved.joined(separator: " and ")). " + recommendation.reason
        }
        return ((recommendation, recommendation.pick != comparison.recommendation.pick), buyers)
    }

    /// `/compare/{a}-vs-{b}/card.svg`: the comparison's share image, cached with the two tools.
    func card(req: Request) async throws -> CachedAnswer {
        let (a, b) = try pair(req)
        return CachedAnswer { db in
            let (comparison, _) = try await Comparing.loadWithIDs(a, b, on: db)
            return .init(
                body: ByteBuffer(string: ComparisonCard.svg(comparison)), contentType: HTTPMediaType(type: "image", subType: "svg+xml"),
                tags: [.tool(a), .tool(b)])
        }
    }

    /// The form POST behind "which would you ship with?"; redirects back to the page.
    func pick(req: Request) async throws -> Response {
        struct Form: Content {
            var pick: String
        }
        let (a, b) = try pair(req)
        guard let form = try? req.content.decode(Form.self) else {
            throw Abort(.badRequest, reason: "The head-to-head form needs pick=<slug> or pick=neither.")
        }
        let outcome = try await Voting.castPick(form.pick, a: a, b: b, req: req)
        let response = req.redirect(to: SiteURL.compare(a, b).path + "?picked=1#\(Compare.View.pickID)", redirectType: .normal)
        Voting.setCookie(outcome.newCookie, on: response, req: req)
        return response
    }

    private func pair(_ req: Request) throws -> (String, String) {
        let raw = try req.parameters.require("pair")
        guard let pair = Comparison.parsePair(raw) else {
            throw Abort(.notFound, reason: "A comparison address looks like /compare/tool-a-vs-tool-b; '\(raw)' is not one.")
        }
        return pair
    }

    /// This reader's pick: a slug, "neither", or nil when they have not answered (or the pair
    /// is unknown, which the page itself answers with a 404).
    private func myPick(_ a: String, _ b: String, reader: Reader, req: Request) async throws -> String? {
        guard let voter = reader.voter else { return nil }
        let (first, second) = Comparison.canonicalPair(a, b)
        guard let ia = reader.toolIDs[first], let ib = reader.toolIDs[second],
            let pick = try await PairVoteModel.pick(a: ia, b: ib, voter: voter, on: req.db)
        else { return nil }
        switch pick {
        case ia?: return first
        case ib?: return second
        default: return "neither"
        }
    }
}
