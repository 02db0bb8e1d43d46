import Foundation

/// The built-in offline reviewer: writes each persona's take from a tool's declared facts.
///
/// Deterministic by construction: no I/O, no clock, no randomness. "Now" arrives as `asOf`
/// ("YYYY-MM"), and phrasing varies only by a stable FNV-1a hash of the tool name, so rerunning
/// on unchanged facts reproduces every take byte for byte. Each persona weighs its own facts
/// against its own threshold (see the `Rubric+<Persona>.swift` files); the weights are the
/// method, so a reader can trace every verdict to the facts that drove it.
public enum Rubric {
    /// Recorded on rubric takes; bump it when weights or wording change, so stale takes can be found.
    public static let version = "rubric-3"

    /// Takes are kept to this many words, whatever the vendor strings hold.
    static let maxWords = 180

    /// One persona's take on one tool, as of a year-month ("2026-11"), weighed against its
    /// category's `field` (the medians of what its listed tools declare).
    public static func take(for persona: Persona, on tool: Tool, asOf: String = "2026-11", field: Field = .none) -> Take {
        let draft: Draft
        switch persona {
        case .builder: draft = builderTake(tool, field: field)
        case .skeptic: draft = skepticTake(tool, field: field)
        case .futurist: draft = futuristTake(tool, asOf: asOf, field: field)
        case .buyer: draft = buyerTake(tool, field: field)
        }
        let card = draft.card
        return Take(
            persona: persona, verdict: card.verdict, conviction: card.conviction,
            flip: card.flip, text: draft.text, source: .rubric
        )
    }

    /// The four takes on one tool, in persona order.
    public static func panel(for tool: Tool, asOf: String = "2026-11", field: Field = .none) -> [Take] {
        Persona.allCases.map { take(for: $0, on: tool, asOf: asOf, field: field) }
    }

    /// The rubric's standing of a tool, what ranks tools whose panel and community figures are
    /// equal: each persona's margin over its bar as a share of everything its facts could add
    /// (from the least to the most), summed over the four personas, to three decimals (−4 … 4).
    /// Tools the rubric reads alike have the same standing and are shown tied.
    public static func standing(of tool: Tool, asOf: String = "2026-11", field: Field = .none) -> Double {
        let cards = Persona.allCases.map { card(for: $0, on: tool, asOf: asOf, field: field) }
        let sum = cards.reduce(0.0) { total, card in
            let span = card.signals.reduce(0) { $0 + $1.range.upperBound - $1.range.lowerBound }
            return total + (span == 0 ? 0 : Double(card.score - card.threshold) / Double(span))
        }
        return (sum * 1000).rounded() / 1000
    }

    /// A persona's scorecard alone (no prose): what the field's bars and the standing are made of.
    static func card(for persona: Persona, on tool: Tool, asOf: String, field: Field) -> Scorecard {
        switch persona {
        case .builder: builderCard(tool, field: field)
        case .skeptic: skepticCard(tool, field: field)
        case .futurist: futuristCard(tool, asOf: asOf, field: field)
        case .buyer: buyerFieldCard(tool, field: field)
        }
    }

    /// "Against its category my bar rises …" when the category raised the persona's bar. No count of
    /// rivals: a tool added to a category must not rewrite every other tool's take.
    static func barSentence(_ card: Scorecard, base: Int, field: Field) -> String? {
        guard card.threshold > base else { return nil }
        return
            "Against its category my bar rises from \(base) to the category's median of \(card.threshold) points; this scores \(card.score)."
    }

    /// "Against the field: …" when the field moved the persona's score, else nil.
    static func fieldSentence(_ signal: Signal?) -> String? {
        signal.map { "Against the field: \($0.phrase)." }
    }

    /// A persona's scorecard and the prose written from it.
    struct Draft {
        var card: Scorecard
        var text: String
    }
}
