import Plot
import VerdictCore

extension Methodology.View {
    /// What each persona weighs, as in docs/methodology.md and the `Rubric+<Persona>.swift` files.
    static let rubricRows: [(persona: Persona, shipsAt: String, weighs: String)] = [
        (
            .builder, "≥ 4",
            "api (−3…+3), sdks (−1…+2), quickstart_minutes (−1…+2), docs_url (−1…+1), rate_limits_published (−1…+1), license / open_weights (0…+1), self_hostable (0…+1), status, context_window (text models); against the field: a context window twice the category median +1, half of it or less −1"
        ),
        (
            .skeptic, "≥ 1",
            "evidence (−2…+2): a claim an editor disputed −2, benchmarks_published +2, a claim an editor verified +1, otherwise −1 (an unverified claim weighs as no claim), lock_in (−2…+1), backing (−1…+1), competitors (−1…0), status; against the field: launched a year or more before the category median +1 (a track record), a year or more after −1"
        ),
        (
            .futurist, "≥ 3",
            "launched + status → early, on time or late (−2…+2), bet (−1…+1), open_weights (0…+1), modalities (0…+1), competitors (a crowded bet −1, a rare one +1); against the field: open weights where most of the category is closed +1, closed where most is open −1"
        ),
        (
            .buyer, "≥ 5",
            "pricing_published (−3…+2), free_tier (−1…+2), entry (−2…+1), pricing_model with input/output_price_per_mtok or price_note (can the bill be modelled before integrating? −1…+1), enterprise (0…+1), lock_in (−1…+1); against the field: an input price (a free tool counts 0) half the category median or less +1, twice it or more −1"
        ),
    ]

    func rubric() -> Body {
        section(
            "rubric",
            para("Every take records where it came from:"),
            .ul(
                .li(
                    .strong(.text("editorial")),
                    .text(": written or imported by a person. It replaces the persona's current take; the older take stays in history.")),
                .li(.strong(.text("rubric")), .text(": the built-in offline reviewer, described below. The default.")),
                .li(
                    .strong(.text("llm")),
                    .text(
                        ": written by a language model through an OpenAI-compatible chat-completions endpoint, when the operator configures one. The model, prompt version, facts hash, tokens and cost are recorded on the take; a persona whose model fails to give a valid take abstains and is not counted."
                    ))
            ),
            para(
                "The rubric is deterministic and offline: the same facts, persona and month always give the same take. Each persona reads only the facts it cares about, turns each into a signed weight, and ships when the sum reaches its threshold. A take is narrow when the sum is within 2 of the threshold, and names the single fact whose change would flip it (“flips to ship once pricing is published”) when one exists. Facts that were not declared are named as unknown in the text and count as a mild negative or zero, never guessed."
            ),
            .div(
                .class("table-scroll"),
                .table(
                    .class("facts rubric-table"),
                    .caption(.class("visually-hidden"), .text("What each persona weighs")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Persona")),
                            .th(.attribute(named: "scope", value: "col"), .text("Ships at")),
                            .th(.attribute(named: "scope", value: "col"), .text("Weighs (weight range)")))),
                    .tbody(
                        .forEach(Self.rubricRows) { row in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(row.persona.displayName)),
                                .td(.class("num"), .text(row.shipsAt)),
                                .td(.text(row.weighs)))
                        })
                )
            ),
            para(
                "The field is the tool's category: the medians of what its listed tools declare (input price per 1M tokens, context window, launch month, and the share with open weights), each only once at least \(Rubric.Field.minimum) tools declare it. A change to any tool of a category re-weighs every listed tool in it, in the same transaction."
            ),
            para(
                "Rankings within a category order by panel ship, then community ship, then the rubric's standing: for each persona, how far its score is above or below its threshold as a share of everything its facts could add (from the least to the most), summed over the four personas (−4 to 4, to three decimals), shown under each tool of a category's ranking. Tools equal on all three are tied and shown as tied (“=3”), never ordered by name."
            ),
            para(
                "The month the Futurist judges timing against is the current month (UTC). The rubric's version (\(Rubric.version)) and a SHA-256 of the facts it read are stored on each take. Re-running the rubric on unchanged facts writes nothing; a changed fact rewrites only the takes whose text or verdict changes."
            )
        )
    }
}
