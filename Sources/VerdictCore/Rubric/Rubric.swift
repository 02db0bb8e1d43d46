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
    public static let version = "rubric-2"

    /// Takes are kept to this many words, whatever the vendor strings hold.
    static let maxWords = 180

    /// One persona's take on one tool, as of a year-month ("2026-11").
    public static func take(for persona: Persona, on tool: Tool, asOf: String = "2026-11") -> Take {
        let draft: Draft
        switch persona {
        case .builder: draft = builderTake(tool)
        case .skeptic: draft = skepticTake(tool)
        case .futurist: draft = futuristTake(tool, asOf: asOf)
        case .buyer: draft = buyerTake(tool)
        }
        let card = draft.card
        return Take(
            persona: persona, verdict: card.verdict, conviction: card.conviction,
            flip: card.flip, text: draft.text, source: .rubric
        )
    }

    /// The four takes on one tool, in persona order.
    public static func panel(for tool: Tool, asOf: String = "2026-11") -> [Take] {
        Persona.allCases.map { take(for: $0, on: tool, asOf: asOf) }
    }

    /// A persona's scorecard and the prose written from it.
    struct Draft {
        var card: Scorecard
        var text: String
    }
}
