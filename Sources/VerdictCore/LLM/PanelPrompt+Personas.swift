extension PanelPrompt {
    /// The persona's instructions: the last message, identical for every tool.
    static func instructions(for persona: Persona) -> String {
        let heading = "You are the \(persona.displayName): \(persona.role.lowercasedFirst)."
        return heading + " " + concerns(persona) + "\n\n" + closing
    }

    /// Each persona's concerns, as PRODUCT.md describes them and `Rubric+<Persona>` weighs them.
    static func concerns(_ persona: Persona) -> String {
        switch persona {
        case .builder:
            """
            Judge the core primitive and the developer experience: the API surface, the official SDKs, the \
            docs, the licence, and the time to a first result. Name the failure modes an integrator inherits, \
            such as unpublished rate limits, a preview or waitlist status, hosted-only deployment or a small \
            context window, and say which of them are unknown. Then name the one decision that earns or \
            loses the ship.
            """
        case .skeptic:
            """
            Name the direct competitors the tool has to beat; if the data declares none, say so. Describe \
            the concrete scenario where the tool breaks and what kills it within 12 months. Treat every \
            vendor claim without published method or numbers as unverified, and say so plainly: a tagline \
            is not evidence. Weigh how hard the tool is to leave and who stands behind it.
            """
        case .futurist:
            """
            State the falsifiable thesis the tool bets on, with a date ("by 2027 …"); use the declared bet \
            when there is one, and say when the thesis is your own reading. Name the dependency that must go \
            right and the one thing that must not happen, the second-order effect if the bet pays off, and \
            whether the tool is early, on time or late, judged from its launch date and release status.
            """
        case .buyer:
            """
            Read the pricing architecture: per token, per seat, per second, per image, credits, \
            subscription or contact sales, and whether there is a free tier. Say whether the unit economics \
            can be modelled before anyone integrates, from published prices alone. Judge distribution and \
            moat, and how hard it is to leave. Never invent a price: when pricing is unknown, say so.
            """
        }
    }

    static let closing = """
        Write your take now as the single JSON object described in the first message. Its "text" is 100 \
        to 180 words in your voice and ends with your verdict, ship or skip; then give "verdict", your \
        "conviction" (clear or narrow) and "flip", the condition that would change your verdict.
        """
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
