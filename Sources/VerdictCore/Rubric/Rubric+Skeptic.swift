extension Rubric {
    /// The Skeptic ships only what survives its rivals and its own claims. Evidence weighs most:
    /// published method and numbers, or claims the editors verified (the `ClaimLedger`). An
    /// unverified claim is no evidence either way: it weighs exactly as no claim would.
    static func skepticCard(_ tool: Tool, field: Field) -> Scorecard {
        let f = tool.facts
        return Scorecard(
            signals: [
                skepticRivals(f.competitors), skepticEvidence(tool), skepticLockIn(f.lockIn, name: displayName(tool)),
                skepticBacking(f.backing), statusSignal(f.status, unknownWeight: -1, launched: f.launched),
            ] + [fieldTrackRecord(tool, field)].compactMap { $0 }, threshold: field.bar(.skeptic, base: 1))
    }

    static func skepticTake(_ tool: Tool, field: Field = .none) -> Draft {
        let f = tool.facts
        let against = fieldTrackRecord(tool, field)
        let card = skepticCard(tool, field: field)
        let voice = Voice(.skeptic, tool)
        let name = displayName(tool)
        var prose = Prose()
        prose.add(
            voice.pick(
                [
                    "Strip the launch copy off \(name) and ask who it has to beat.",
                    "Every launch page sells a story; my job is to find where the one for \(name) cracks.",
                    "I read \(name) the way a rival's analyst would.",
                ], "open"))
        prose.add(skepticRivalsLine(f.competitors, name: name))
        prose.add(skepticEvidenceLine(tool))
        prose.addOptional(skepticExposureLine(f, name: name))
        if let line = fieldSentence(against) { prose.addOptional(line) }
        if let line = barSentence(card, base: 1, field: field) { prose.addOptional(line) }
        prose.add("It breaks \(skepticBreakingPoint(card, tool)).")
        prose.add("What kills it within 12 months: \(skepticKiller(tool)).")
        let drivers = driverSummary(card)
        let because =
            card.verdict == .ship
            ? "what holds up under scrutiny is \(drivers)"
            : drivers.isEmpty ? "nothing declared earns the benefit of the doubt" : "what sinks it is \(drivers)"
        prose.add("\(verdictLine(card, name)): \(because). \(flipSentence(card, name))")
        return Draft(card: card, text: prose.render())
    }

    static func rivalNames(_ rivals: [String]) -> String {
        joinedList(rivals.map { clip($0, 30) }.filter { !$0.isEmpty }, max: 3)
    }

    static func skepticRivals(_ rivals: [String]?) -> Signal {
        let name = "once its direct competitors are named"
        guard let rivals else {
            return Signal("competitors", -1, -1...0, "competitors that are not declared", unknown: true, toShip: name)
        }
        switch rivals.count {
        case 0: return Signal("competitors", -1, -1...0, "a claim of no competitors", toShip: name)
        case 1...2: return Signal("competitors", 0, -1...0, "a short list of rivals")
        default: return Signal("competitors", -1, -1...0, "a crowded field")
        }
    }

    static func skepticEvidence(_ tool: Tool) -> Signal {
        let (f, ledger) = (tool.facts, tool.ledger)
        let range = -2...2
        // An unverified claim weighs as no claim, so its text stays out of the flip as well.
        let publish = "once \(displayName(tool)) publishes method and numbers"
        if !ledger.claims(.disputed).isEmpty {
            return Signal(
                "claims", -2, range, "a disputed claim",
                toShip: "once its disputed claim is withdrawn or independently reproduced")
        }
        switch f.benchmarksPublished {
        case true?:
            return Signal(
                "benchmarks_published", 2, range, "published method and numbers",
                toSkip: "if its published benchmarks fail to reproduce")
        case _ where !ledger.claims(.verified).isEmpty:
            return Signal("claims", 1, range, "an independently verified claim", toSkip: "if a verified claim is disputed")
        case false?:
            return Signal("benchmarks_published", -1, range, "no published benchmarks", toShip: publish)
        case nil:
            return Signal(
                "benchmarks_published", -1, range, "benchmarks that are not declared", unknown: true,
                toShip: publish)
        }
    }

    static func skepticLockIn(_ level: Level?, name: String = "it") -> Signal {
        let range = -2...1
        switch level {
        case .low?: return Signal("lock_in", 1, range, "low lock-in", toSkip: "if leaving \(name) gets expensive")
        case .medium?: return Signal("lock_in", 0, range, "medium lock-in")
        case .high?: return Signal("lock_in", -2, range, "high lock-in", toShip: "once leaving it is cheap")
        case nil:
            return Signal(
                "lock_in", -1, range, "lock-in that is not declared", unknown: true,
                toShip: "once its lock-in is declared low")
        }
    }

    static func skepticBacking(_ backing: Backing?) -> Signal {
        let range = -1...1
        switch backing {
        case .bigTech?: return Signal("backing", 1, range, "big-tech backing")
        case .openCommunity?: return Signal("backing", 1, range, "community backing")
        case .venture?: return Signal("backing", 0, range, "venture backing")
        case .independent?: return Signal("backing", -1, range, "an independent team")
        case nil:
            return Signal(
                "backing", -1, range, "backing that is not declared", unknown: true,
                toShip: "once it declares who backs it")
        }
    }

    static func skepticRivalsLine(_ rivals: [String]?, name: String) -> String {
        guard let rivals else { return "Competitors are not declared, so I can't say what \(name) must beat." }
        guard !rivals.isEmpty else {
            return "It declares no direct competitors, which usually means nobody looked, not that there are none."
        }
        let crowd = rivals.count >= 3 ? ", a crowded field where being good is not enough" : ""
        return "Direct competitors: \(rivalNames(rivals))\(crowd)."
    }

    static func skepticEvidenceLine(_ tool: Tool) -> String {
        let entries = tool.ledger.entries.filter { !clip($0.claim, 80).isEmpty }
        let more = entries.count > 1 ? " (one of \(entries.count))" : ""
        // The claim the evidence turns on: a disputed one first, then a verified one.
        guard
            let entry = entries.first(where: { $0.status == .disputed }) ?? entries.first(where: { $0.status == .verified })
                ?? entries.first
        else {
            return tool.facts.benchmarksPublished == true
                ? "No headline claims are declared, yet it publishes method and numbers, which is more than most do."
                : "No claims are declared and benchmarks are not declared, so there is nothing to verify yet."
        }
        let claim = "\"\(clip(entry.claim, 80))\""
        if let check = entry.check {
            let who = clip(check.checkedBy, 40)
            switch check.status {
            case .disputed:
                return "The claim \(claim) is disputed: \(who) checked it on \(check.checkedOn) and the evidence says otherwise."
            case .verified: return "The claim \(claim) holds: \(who) verified it on \(check.checkedOn), which is more than a launch page."
            case .unverified: break
            }
        }
        switch tool.facts.benchmarksPublished {
        case true?:
            return
                "The headline claim\(more), \(claim), comes with published method and numbers; until someone reproduces them, it is unverified."
        case false?: return "The headline claim\(more), \(claim), is unverified: no method or numbers, so it counts for nothing here."
        case nil: return "The headline claim\(more), \(claim), is unverified and counts for nothing until someone checks it."
        }
    }

    static func skepticExposureLine(_ f: ToolFacts, name: String) -> String {
        let lock: String
        switch f.lockIn {
        case .low?: lock = "Lock-in to \(name) is low, so leaving is cheap if it disappoints"
        case .medium?: lock = "Lock-in to \(name) is medium, so leaving costs a sprint"
        case .high?: lock = "Lock-in to \(name) is high, so leaving means a rewrite"
        case nil: lock = "Lock-in to \(name) is not declared, so assume leaving costs more than the docs admit"
        }
        let backing: String
        switch f.backing {
        case .bigTech?: backing = "big-tech backing means it survives but can be deprioritised"
        case .venture?: backing = "venture money buys runway, and runway ends in a price rise or a pivot"
        case .openCommunity?: backing = "community backing means no vendor can pull it, though maintainers drift"
        case .independent?: backing = "an independent team is a bus factor of a few people"
        case nil: backing = "backing is not declared, so I can't tell who pays for it next year"
        }
        return "\(lock); \(backing)."
    }

    /// The concrete scenario, taken from the weakest declared fact.
    static func skepticBreakingPoint(_ card: Scorecard, _ tool: Tool) -> String {
        let f = tool.facts
        let weakest = card.signals.filter { $0.weight < 0 }.min { $0.weight < $1.weight }
        switch weakest?.fact {
        case "benchmarks_published", "claims": return "the week your own evals on real traffic disagree with the vendor's numbers"
        case "lock_in" where f.lockIn == .high: return "at the renewal where the price rises and leaving means a rewrite"
        case "status" where f.status == .deprecated: return "on the shutdown date already announced"
        case "status" where f.status != nil: return "when a breaking change lands in the middle of your launch"
        case "competitors" where (f.competitors ?? []).count >= 3:
            let rival = clip(f.competitors?.first ?? "", 30)
            // A free tool cannot be undercut on price; it loses its users instead.
            return isFree(tool)
                ? "the quarter \(rival) matches it and its users follow" : "the quarter \(rival) matches it and undercuts the price"
        case "backing" where f.backing == .independent: return "the day the few people behind it take other jobs"
        case nil: return "under your traffic rather than the vendor's demo, which no declared fact covers"
        default: return "at the first incident, when you learn the facts the vendor did not declare"
        }
    }

    /// Free to use: no price to undercut.
    static func isFree(_ tool: Tool) -> Bool { tool.entry == .free || tool.facts.pricingModel == .free }

    static func skepticKiller(_ tool: Tool) -> String {
        let f = tool.facts
        let rival = f.competitors?.first.map { clip($0, 30) }.flatMap { $0.isEmpty ? nil : $0 }
        if f.status == .deprecated { return "the deprecation it has already announced" }
        switch (f.backing, rival) {
        case (.bigTech?, let r?): return "a reorg at its parent that folds it into a suite while \(r) keeps shipping"
        case (.bigTech?, nil): return "a reorg at its parent that folds it into a suite"
        case (_, let r?): return isFree(tool) ? "\(r) closing the gap with a bigger community" : "\(r) closing the gap at a lower price"
        default: return "a frontier lab shipping what \(displayName(tool)) does as a free built-in feature"
        }
    }
}
