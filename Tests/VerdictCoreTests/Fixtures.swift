@testable import VerdictCore

enum Fixture {
    static func tool(
        _ slug: String, name: String? = nil, category: String = "Language Models",
        entry: EntryTier = .free, description: String = "An open model for text.",
        facts: ToolFacts = ToolFacts()
    ) -> Tool {
        Tool(slug: slug, name: name ?? slug.capitalized, category: category, description: description, entry: entry, facts: facts)
    }

    static func take(_ persona: Persona, _ verdict: Verdict, source: TakeSource = .editorial) -> Take {
        Take(persona: persona, verdict: verdict, text: "\(persona.rawValue) says \(verdict.rawValue)", source: source)
    }

    static func standing(
        _ slug: String, _ verdicts: [Persona: Verdict], votes: (Int, Int) = (0, 0), entry: EntryTier = .free
    ) -> ToolStanding {
        ToolStanding(
            tool: tool(slug, entry: entry),
            takes: verdicts.map { take($0.key, $0.value) },
            community: CommunityScore(ship: votes.0, skip: votes.1))
    }
}
