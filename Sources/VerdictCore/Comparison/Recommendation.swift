import Foundation

/// Which tool to ship with, and why, derived from panel, community, entry price and split.
public struct Recommendation: Sendable, Hashable, Codable {
    /// The slug to ship with, or nil when the evidence does not separate them.
    public var pick: String?
    public var reason: String
    /// True when verdicts (panel and community) decided; false when it was too close and a
    /// tie-break did (or nothing did). Not part of the JSON.
    public var decisive = false
    /// The panel and community sentences, before any tie-break: what a workload's cost is added to.
    var evidence: [String] = []
    /// The split sentences that close the reason.
    var splitText: [String] = []

    public init(pick: String?, reason: String) {
        self.pick = pick
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case pick, reason }

    /// The recommendation for a reader's workload: where verdicts decided, the pick stands and the
    /// month's cost is added; where it was too close, the cheaper month decides instead of the entry
    /// tier, and the reason says so ("narrowly, on your workload's cost"). `changed` is true when the
    /// workload picks differently than the plain page does. Nothing changes unless both are priced.
    public func forWorkload(_ a: ToolStanding, _ b: ToolStanding, costA: Decimal?, costB: Decimal?, workload: String)
        -> (recommendation: Recommendation, changed: Bool)
    {
        guard let ca = costA, let cb = costB, !evidence.isEmpty else { return (self, false) }
        let costs =
            "For your workload (\(workload)): \(a.tool.name) \(CostEstimate.money(ca)) a month, \(b.tool.name) \(CostEstimate.money(cb))."
        var result = self
        if decisive {
            result.reason = reason + " " + costs
            return (result, false)
        }
        guard ca != cb else {
            result.reason = reason + " " + costs + " The same cost, so it does not separate them."
            return (result, false)
        }
        let (cheap, dear) = ca < cb ? (a, b) : (b, a)
        result.pick = cheap.tool.slug
        result.reason =
            (evidence + [
                "Too close to call on verdicts alone, so your workload's cost decides, narrowly: \(costs) \(cheap.tool.name) is cheaper than \(dear.tool.name)."
            ] + splitText).joined(separator: " ")
        return (result, result.pick != pick)
    }

    static func derive(_ a: ToolStanding, _ b: ToolStanding, split: [ScorecardRow]) -> Recommendation {
        // Tools that do different jobs are not rivals: no winner, their facts side by side.
        if a.tool.categorySlug != b.tool.categorySlug {
            return Recommendation(
                pick: nil,
                reason:
                    "Different jobs: \(a.tool.name) is in \(a.tool.category), \(b.tool.name) in \(b.tool.category). Verdict picks only between tools that do the same job, so there is no winner here; their facts are side by side below."
            )
        }
        guard let pa = a.panel.shipPercent, let pb = b.panel.shipPercent else {
            let missing = [a, b].filter { $0.panel.takes == 0 }.map(\.tool.name)
            return Recommendation(
                pick: nil,
                reason: "No call yet: \(list(missing)) \(missing.count == 1 ? "has" : "have") no panel takes.")
        }
        var sentences = [panelSentence(a, b, pa, pb)]
        var margin = Double(pa - pb)
        if let (ca, cb) = communityPair(a, b) {
            margin += 0.5 * Double(ca - cb)
            sentences.append(communitySentence(a, b, ca, cb, leaderIsA: pa >= pb))
        } else {
            sentences.append(
                "The community has fewer than \(Comparison.minimumVotes) votes on at least one of them, so it does not count yet.")
        }
        let splitText = splitSentence(split, a, b)
        let evidence = sentences
        func made(_ pick: String?, _ reason: String, decisive: Bool = false) -> Recommendation {
            var r = Recommendation(pick: pick, reason: reason)
            (r.decisive, r.evidence, r.splitText) = (decisive, evidence, splitText)
            return r
        }
        if abs(margin) >= Comparison.decisiveMargin {
            let (win, lose) = margin > 0 ? (a, b) : (b, a)
            if win.tool.entry > lose.tool.entry {
                sentences.append(
                    "\(win.tool.name) costs more to start (\(win.tool.entry.displayName) vs \(lose.tool.entry.displayName)), which the lead outweighs."
                )
            }
            return made(win.tool.slug, (sentences + splitText).joined(separator: " "), decisive: true)
        }
        if a.tool.entry != b.tool.entry {
            let (cheap, dear) = a.tool.entry < b.tool.entry ? (a, b) : (b, a)
            sentences.append(
                "Too close to call on verdicts alone, so entry price decides: \(cheap.tool.name) is \(cheap.tool.entry.displayName), \(dear.tool.name) is \(dear.tool.entry.displayName)."
            )
            return made(cheap.tool.slug, (sentences + splitText).joined(separator: " "))
        }
        sentences.append("Both start at \(a.tool.entry.displayName), so price does not separate them either.")
        return made(
            nil,
            (["Too close to call."] + sentences + splitText + ["Read the split takes and pick on the concern that matters to you."])
                .joined(separator: " "))
    }

    private static func communityPair(_ a: ToolStanding, _ b: ToolStanding) -> (Int, Int)? {
        guard a.community.votes >= Comparison.minimumVotes, b.community.votes >= Comparison.minimumVotes,
            let ca = a.community.shipPercent, let cb = b.community.shipPercent
        else { return nil }
        return (ca, cb)
    }

    private static func panelSentence(_ a: ToolStanding, _ b: ToolStanding, _ pa: Int, _ pb: Int) -> String {
        if pa == pb {
            return "The panel ships both at \(pa)% (\(a.panel.takes) and \(b.panel.takes) takes)."
        }
        let (hi, lo, phi, plo) = pa > pb ? (a, b, pa, pb) : (b, a, pb, pa)
        return
            "The panel ships \(hi.tool.name) at \(phi)% (\(hi.panel.takes) takes) against \(plo)% for \(lo.tool.name) (\(lo.panel.takes) takes)."
    }

    private static func communitySentence(
        _ a: ToolStanding, _ b: ToolStanding, _ ca: Int, _ cb: Int, leaderIsA: Bool
    ) -> String {
        let counts = "\(a.community.votes) and \(b.community.votes) votes"
        if ca == cb { return "The community is level at \(ca)% ship (\(counts))." }
        let agrees = (ca > cb) == leaderIsA
        let lean = agrees ? "agrees" : "leans the other way"
        return "The community \(lean): \(ca)% ship for \(a.tool.name), \(cb)% for \(b.tool.name) (\(counts))."
    }

    private static func splitSentence(_ rows: [ScorecardRow], _ a: ToolStanding, _ b: ToolStanding) -> [String] {
        guard !rows.isEmpty else { return ["No persona splits: every persona with takes on both gives them the same verdict."] }
        let shipsA = rows.filter { $0.a?.verdict == .ship }.map(\.persona.displayName)
        let shipsB = rows.filter { $0.b?.verdict == .ship }.map(\.persona.displayName)
        var parts: [String] = []
        if !shipsA.isEmpty { parts.append("\(list(shipsA)) \(shipsA.count == 1 ? "ships" : "ship") \(a.tool.name) but not \(b.tool.name)") }
        if !shipsB.isEmpty { parts.append("\(list(shipsB)) \(shipsB.count == 1 ? "ships" : "ship") \(b.tool.name) but not \(a.tool.name)") }
        return ["The split: " + parts.joined(separator: "; ") + "."]
    }
}

/// "A", "A and B", "A, B and C".
func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
