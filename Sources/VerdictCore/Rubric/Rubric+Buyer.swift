extension Rubric {
    /// The Buyer ships what can be budgeted before anyone writes code. Published pricing weighs
    /// most: without it, no unit economics can be modelled and every quote starts blind.
    static func buyerTake(_ tool: Tool, field: Field = .none) -> Draft {
        let against = fieldPrice(tool, field)
        let card = buyerFieldCard(tool, field: field)
        let economics = [buyerEconomicsLine(tool.facts), fieldSentence(against), barSentence(card, base: 5, field: field)]
            .compactMap { $0 }.joined(separator: " ")
        return buyerDraft(tool, card: card, economics: economics)
    }

    /// The Buyer's card on the declared rates, weighed against the category.
    static func buyerFieldCard(_ tool: Tool, field: Field) -> Scorecard {
        buyerCard(tool, economics: buyerUnitEconomics(tool.facts), field: fieldPrice(tool, field), bar: field.bar(.buyer, base: 5))
    }

    /// The Buyer's signals; `economics` is what the month costs (declared rates, or a workload),
    /// `field` the input price against the category's (none for a workload: the month's cost
    /// against the other tool's replaces it), `bar` the threshold (the category can raise it).
    static func buyerCard(_ tool: Tool, economics: Signal, field: Signal? = nil, bar: Int = 5) -> Scorecard {
        let f = tool.facts
        return Scorecard(
            signals: [
                buyerPublished(f.pricingPublished, price: buyerPriceText(f)), buyerFreeTier(f.freeTier, name: displayName(tool)),
                buyerEntry(tool.entry),
                economics, buyerEnterprise(f.enterprise), buyerLockIn(f.lockIn),
            ] + [field].compactMap { $0 }, threshold: bar)
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
        prose.add(
            "For \(name), entry tier is \(tool.entry.displayName), \(buyerModelPhrase(f.pricingModel)), \(buyerFreeTierPhrase(f.freeTier))."
        )
        prose.add(buyerPublishedLine(f.pricingPublished, price: buyerPriceText(f)))
        prose.add(economics)
        prose.addOptional(buyerEnterpriseLine(f.enterprise, name: name))
        prose.addOptional(buyerMoatLine(f.lockIn, name: name))
        let drivers = driverSummary(card)
        let because =
            card.verdict == .ship
            ? "with \(drivers), the bill is predictable"
            : drivers.isEmpty ? "nothing declared lets me budget it" : "with \(drivers), I can't budget it"
        prose.add("\(verdictLine(card, name)): \(because). \(flipSentence(card, name))")
        return Draft(card: card, text: prose.render())
    }

    /// The declared price in a few words, for sentences that should say which price: "$0.30 in,
    /// $2.50 out per 1M tokens", or the price note; nil when neither is declared.
    static func buyerPriceText(_ f: ToolFacts) -> String? {
        if let input = f.inputPricePerMTok, let output = f.outputPricePerMTok {
            return "\(usd(input)) in, \(usd(output)) out per 1M tokens"
        }
        return f.priceNote.map { clip($0, 50) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func buyerPublished(_ published: Bool?, price: String? = nil) -> Signal {
        let page = price.map { "the public price page (\($0))" } ?? "the public price page"
        switch published {
        case true?: return Signal("pricing_published", 2, -3...2, "published prices", toSkip: "if \(page) comes down")
        case false?: return Signal("pricing_published", -3, -3...2, "unpublished prices", toShip: "once pricing is published")
        case nil: return Signal("pricing_published", -2, -3...2, "unknown pricing", unknown: true, toShip: "once pricing is published")
        }
    }

    static func buyerFreeTier(_ free: Bool?, name: String = "it") -> Signal {
        switch free {
        case true?: Signal("free_tier", 2, -1...2, "a free tier", toSkip: "if the free tier of \(name) goes away")
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
            return Signal(
                "pricing_model", 1, range, "a declared price line",
                toSkip: "if the price line \"\(clip(f.priceNote ?? "", 40))\" is withdrawn")
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

    static func buyerPublishedLine(_ published: Bool?, price: String? = nil) -> String {
        switch published {
        case true?: "Prices sit on a public page\(price.map { " (\($0))" } ?? ""), so finance can check them without a call."
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

    static func buyerEnterpriseLine(_ enterprise: Bool?, name: String) -> String {
        switch enterprise {
        case true?: "\(name) offers SSO, audit logs or a compliance report, which gets it through procurement."
        case false?: "\(name) offers no enterprise controls, so it stays a team-card purchase, not a contract."
        case nil: "\(name) declares no enterprise controls such as SSO, so procurement will ask."
        }
    }

    static func buyerMoatLine(_ level: Level?, name: String) -> String {
        switch level {
        case .low?: "Lock-in to \(name) is low: easy to walk away, which keeps the price honest but leaves the vendor little moat."
        case .medium?: "Lock-in to \(name) is medium: some moat for the vendor, some room for me to negotiate."
        case .high?: "Lock-in to \(name) is high: a moat and distribution for the vendor, and leverage against me at renewal."
        case nil: "Lock-in to \(name) is not declared, so I can't price the cost of leaving or the vendor's moat."
        }
    }
}
