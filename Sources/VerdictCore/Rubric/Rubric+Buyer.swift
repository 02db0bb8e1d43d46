extension Rubric {
    /// The Buyer ships what can be budgeted before anyone writes code. Published pricing weighs
    /// most: without it, no unit economics can be modelled and every quote starts blind.
    static func buyerTake(_ tool: Tool) -> Draft {
        let card = buyerCard(tool, economics: buyerUnitEconomics(tool.facts))
        return buyerDraft(tool, card: card, economics: buyerEconomicsLine(tool.facts))
    }

    /// The Buyer's signals; `economics` is what the month costs (declared rates, or a workload).
    static func buyerCard(_ tool: Tool, economics: Signal) -> Scorecard {
        let f = tool.facts
        return Scorecard(
            signals: [
                buyerPublished(f.pricingPublished), buyerFreeTier(f.freeTier), buyerEntry(tool.entry),
                economics, buyerEnterprise(f.enterprise), buyerLockIn(f.lockIn),
            ], threshold: 5)
    }

    static func buyerDraft(_ tool: Tool, card: Scorecard, economics: String) -> Draft {
        let f = tool.facts
        let voice = Voice(.buyer, tool)
        let name = displayName(tool)
        var prose = Prose()
        prose.add(
            voice.pick(
                [
                    "Who pays for \(name), and how?",
                    "I sign the invoice, so I read the price page for \(name) before its docs.",
                    "Follow the money on \(name) before anyone writes a line of code.",
                ], "open"))
        prose.add("Entry tier is \(tool.entry.displayName), \(buyerModelPhrase(f.pricingModel)), \(buyerFreeTierPhrase(f.freeTier)).")
        prose.add(buyerPublishedLine(f.pricingPublished))
        prose.add(economics)
        prose.add(buyerEnterpriseLine(f.enterprise))
        prose.add(buyerMoatLine(f.lockIn))
        let drivers = driverSummary(card)
        let because =
            card.verdict == .ship
            ? "with \(drivers), the bill is predictable"
            : drivers.isEmpty ? "nothing declared lets me budget it" : "with \(drivers), I can't budget it"
        prose.add("\(verdictLine(card)): \(because). \(flipSentence(card))")
        return Draft(card: card, text: prose.render())
    }

    static func buyerPublished(_ published: Bool?) -> Signal {
        switch published {
        case true?: Signal("pricing_published", 2, -3...2, "published prices", toSkip: "if the public price page comes down")
        case false?: Signal("pricing_published", -3, -3...2, "unpublished prices", toShip: "once pricing is published")
        case nil: Signal("pricing_published", -2, -3...2, "unknown pricing", unknown: true, toShip: "once pricing is published")
        }
    }

    static func buyerFreeTier(_ free: Bool?) -> Signal {
        switch free {
        case true?: Signal("free_tier", 2, -1...2, "a free tier", toSkip: "if the free tier goes away")
        case false?: Signal("free_tier", 0, -1...2, "no free tier", toShip: "once a free tier or trial quota exists")
        case nil:
            Signal(
                "free_tier", -1, -1...2, "a free tier that is not declared", unknown: true,
                toShip: "once a free tier is declared")
        }
    }

    static func buyerEntry(_ entry: EntryTier) -> Signal {
        switch entry {
        case .free, .freemium: Signal("entry", 1, -2...1, "a \(entry.displayName) entry")
        case .paid: Signal("entry", 0, -2...1, "a Paid entry")
        case .contact: Signal("entry", -2, -2...1, "a Contact-sales entry", toShip: "once self-serve pricing replaces contact sales")
        }
    }

    /// Can a buyer put a number in a spreadsheet before integrating?
    static func buyerUnitEconomics(_ f: ToolFacts) -> Signal {
        let range = -1...1
        switch f.pricingModel {
        case .perToken? where f.inputPricePerMTok != nil && f.outputPricePerMTok != nil:
            return Signal("pricing_model", 1, range, "modellable per-token rates", toSkip: "if the per-token rates are withdrawn")
        case .perToken?:
            return Signal(
                "pricing_model", -1, range, "per-token pricing without declared rates",
                toShip: "once its per-token rates are declared")
        case .free?: return Signal("pricing_model", 1, range, "free usage")
        case .contact?: return Signal("pricing_model", -1, range, "quote-only pricing")
        case nil:
            return Signal(
                "pricing_model", -1, range, "a pricing model that is not declared", unknown: true,
                toShip: "once its pricing model is declared")
        case _? where f.priceNote.map(\.isEmpty) == false:
            return Signal("pricing_model", 1, range, "a declared price line", toSkip: "if the price line is withdrawn")
        case _?:
            return Signal("pricing_model", 0, range, "metered pricing with no price line", toShip: "once a price line is declared")
        }
    }

    static func buyerEnterprise(_ enterprise: Bool?) -> Signal {
        switch enterprise {
        case true?: Signal("enterprise", 1, 0...1, "enterprise controls")
        case false?: Signal("enterprise", 0, 0...1, "no enterprise controls", toShip: "once SSO or a compliance report is offered")
        case nil: Signal("enterprise", 0, 0...1, "enterprise controls that are not declared", unknown: true)
        }
    }

    static func buyerLockIn(_ level: Level?) -> Signal {
        switch level {
        case .low?: Signal("lock_in", 1, -1...1, "low lock-in")
        case .medium?: Signal("lock_in", 0, -1...1, "medium lock-in")
        case .high?: Signal("lock_in", -1, -1...1, "high lock-in")
        case nil: Signal("lock_in", 0, -1...1, "lock-in that is not declared", unknown: true)
        }
    }

    static func buyerModelPhrase(_ model: PricingModel?) -> String {
        switch model {
        case .perToken?: "priced per token"
        case .perSeat?: "priced per seat"
        case .perSecond?: "priced per second of output"
        case .perImage?: "priced per image"
        case .perCredit?: "priced in credits"
        case .subscription?: "sold as a subscription"
        case .free?: "free to use"
        case .contact?: "priced in a sales conversation"
        case nil: "with a pricing model that is not declared"
        }
    }

    static func buyerFreeTierPhrase(_ free: Bool?) -> String {
        switch free {
        case true?: "with a free tier to trial on"
        case false?: "with no free tier"
        case nil: "and whether a free tier exists is unknown"
        }
    }

    static func buyerPublishedLine(_ published: Bool?) -> String {
        switch published {
        case true?: "Prices sit on a public page, so finance can check them without a call."
        case false?: "Prices are not published, so every quote starts as a negotiation I enter blind."
        case nil: "Whether prices are published is unknown, and unknown pricing is a cost I have to assume."
        }
    }

    static func buyerEconomicsLine(_ f: ToolFacts) -> String {
        let note = f.priceNote.map { clip($0, 60) }.flatMap { $0.isEmpty ? nil : "\"\($0)\"" }
        switch f.pricingModel {
        case .perToken?:
            guard let input = f.inputPricePerMTok, let output = f.outputPricePerMTok else {
                return
                    "It is priced per token, yet the per-token rates are not declared, so I can't model unit economics before integrating."
            }
            return
                "I can model unit economics before integrating: 1M input plus 1M output tokens cost \(usd(input + output)) (\(usd(input)) in, \(usd(output)) out)."
        case .free?: return "It is free, so the real unit cost is my team's time to run it."
        case .contact?: return "Quote-only pricing means unit economics can't be modelled before integrating."
        case nil: return "With no pricing model declared, unit economics can't be modelled before integrating."
        case _?:
            guard let note else {
                return "No price line is declared, so the spreadsheet stops at its first cell and unit economics wait for a quote."
            }
            return "The declared price line, \(note), is enough to model a pilot's unit economics before integrating."
        }
    }

    static func buyerEnterpriseLine(_ enterprise: Bool?) -> String {
        switch enterprise {
        case true?: "SSO, audit logs or a compliance report are offered, which gets it through procurement."
        case false?: "No enterprise controls are offered, so it stays a team-card purchase, not a contract."
        case nil: "Enterprise controls such as SSO are not declared, so procurement will ask."
        }
    }

    static func buyerMoatLine(_ level: Level?) -> String {
        switch level {
        case .low?: "Lock-in is low: easy to walk away, which keeps the price honest but leaves the vendor little moat."
        case .medium?: "Lock-in is medium: some moat for the vendor, some room for me to negotiate."
        case .high?: "Lock-in is high: a moat and distribution for the vendor, and leverage against me at renewal."
        case nil: "Lock-in is not declared, so I can't price the cost of leaving or the vendor's moat."
        }
    }
}
