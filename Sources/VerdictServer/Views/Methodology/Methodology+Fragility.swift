import Plot
import VerdictCore

extension Methodology.View {
    /// The fragility figures beside the community percentage, the panel and every leaderboard
    /// rank, in the words `Fragility.definitions` gives (docs/methodology.md says the same).
    func fragility() -> Body {
        section(
            "fragility",
            para(
                "A percentage alone does not say whether a few more votes would overturn it. Beside each figure the site says how fragile it is, computed from the same stored votes and takes:"
            ),
            .dl(
                .class("method-limits"),
                .forEach(Fragility.definitions) { definition in
                    .group(
                        .dt(.text(definition.title)),
                        .dd(.p(.text(definition.text)), .p(.class("muted"), .text("Example: \(definition.example)"))))
                })
        )
    }

    func claimsAndHistory() -> Body {
        section(
            "claims-history",
            para(
                "Claims. Every claim a vendor makes is listed on its tool's page as unverified, verified or disputed. Only an editor changes a status, on the desk, with how it was checked and a link to the evidence; the change is audited. The rubric weighs an unverified claim exactly as no claim: only published method and numbers, or a claim an editor verified, count as evidence, and a disputed claim counts against the tool. Model personas receive the same ledger and are told that an unverified claim is no evidence."
            ),
            para(
                "History. Every change of a tool's panel ship is recorded with its cause (new facts or prices from a dataset, an editor's edit or claim check, a model take with its model and prompt version, the rubric), and the panel and community percentages are kept day by day. The tool page draws them as a timeline with price changes marked."
            ),
            para(
                "Staleness. Each take records a hash of the facts it judged. When a tool's facts change, a model-written or editorial take judged on the old facts is shown as stale since the day they changed until the panel re-runs; model personas are queued automatically. Rubric takes are rewritten in the same transaction as the change, so they are never stale. A price not checked for longer than VERDICT_PRICE_MAX_AGE_DAYS (30 by default) says \"not checked since\" with its date."
            )
        )
    }
}
