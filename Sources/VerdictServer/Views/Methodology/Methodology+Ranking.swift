import Plot
import VerdictCore

extension Methodology.View {
    func leaderboard() -> Body {
        let minimum = model.minimumComparisonsForLeaderboard
        return section(
            Methodology.leaderboardID,
            .p(
                .text("The "), .a(.href(SiteURL.leaderboard(category: nil)), .text("leaderboard")),
                .text(" ranks tools by a Bradley–Terry model fitted to every counted head-to-head pick:")),
            formula("P(i picked over j) = pᵢ ÷ (pᵢ + pⱼ)"),
            para(
                "Strengths are fitted with Hunter's (2004) MM algorithm and shown as log-strengths centred so that the average ranked tool is 0; a difference of 1 means odds of e ≈ 2.7 to 1. Each tool also plays half a virtual win and half a virtual loss against an average opponent: this keeps the strength of a tool that won or lost every pick finite, and fades as real picks accumulate."
            ),
            .p(
                .strong(.text("Intervals. ")),
                .text(
                    "Each bar is a 95% percentile bootstrap interval: the picks are resampled with replacement 200 times, each resample is refitted, and the bar spans the central 95% of the resampled strengths. The resampling uses a fixed seed, so the same votes always give the same bars."
                )),
            .p(
                .strong(.text("Tiers. ")),
                .text(
                    "Walking down the list by strength, the top tool opens tier 1; each next tool joins the current tier if its interval overlaps the interval of the tier's top tool, and otherwise opens the next tier. Tools in one tier cannot be told apart by the votes so far. Comparing with the tier's top rather than with the neighbour keeps a chain of small overlaps from merging the whole board into one tier."
                )),
            .p(
                .strong(.text("Minimum. ")),
                .text(
                    "A tool is ranked once it has at least \(minimum) decided head-to-heads (picks for or against it, against tools on the same board). Tools with fewer are listed as “n of \(minimum) comparisons”, and their picks are left out of the fit. Wins–losses count every decided head-to-head against a tool on the board, ranked or not. A category leaderboard uses only picks between tools of that category."
                ))
        )
    }

    func comparisons() -> Body {
        let minimum = model.minimumVotesForComparison
        let margin = Int(Comparison.decisiveMargin)
        return section(
            "comparisons",
            para(
                "Any two tools can be compared at /compare/{a}-vs-{b}, in either order; the canonical address has the slugs in alphabetical order. The recommendation is derived, never invented:"
            ),
            .ol(
                .class("method-steps"),
                .li(.text("If either tool has no takes, there is no call.")),
                .li(
                    .text(
                        "margin = panel ship(A) − panel ship(B); when both tools have at least \(minimum) community votes, plus 0.5 × (community(A) − community(B))."
                    )),
                .li(.text("If |margin| ≥ \(margin) points, ship with the leader.")),
                .li(
                    .text(
                        "Otherwise, if the entry tiers differ (Free < Freemium < Paid < Contact sales), ship with the one that is cheaper to start, narrowly."
                    )),
                .li(.text("Otherwise it is too close to call."))
            ),
            para(
                "The reason under the recommendation says which step decided, with the numbers. The split is the personas whose verdicts differ between the two tools; the scorecard marks them. The pricing read describes each tool's pricing facts and, when both declare per-token rates, compares the cost of one million input plus one million output tokens."
            ),
            para(
                "A tool's “compare with” list is its three closest tools: the same category first, then the overlap of the words in tagline and description (Jaccard similarity, stop-words removed), with a small boost for tools named in its competitors fact. A category page ranks its tools by panel ship, then community (“—” last), then name."
            )
        )
    }
}
