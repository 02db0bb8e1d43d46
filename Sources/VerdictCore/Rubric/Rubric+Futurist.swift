extension Rubric {
    /// Where a tool sits against the market as of a given month.
    enum Timing: String {
        case early
        case onTime = "on time"
        case late, unknown
    }

    /// The Futurist ships a stated, testable bet entered at the right moment. Timing weighs most:
    /// a good thesis shipped late, or still unfinished years in, is a bet already lost.
    static func futuristCard(_ tool: Tool, asOf: String, field: Field) -> Scorecard {
        let f = tool.facts
        let (timing, _) = futuristTiming(f, asOf: asOf)
        return Scorecard(
            signals: [
                futuristThesisSignal(f.bet), futuristTimingSignal(timing, f),
                futuristOpenWeights(f.openWeights, name: displayName(tool)), futuristModalities(f.modalities),
                futuristCrowding(f.competitors),
            ] + [fieldOpenness(tool, field)].compactMap { $0 }, threshold: field.bar(.futurist, base: 3))
    }

    static func futuristTake(_ tool: Tool, asOf: String, field: Field = .none) -> Draft {
        let f = tool.facts
        let (timing, reason) = futuristTiming(f, asOf: asOf)
        let against = fieldOpenness(tool, field)
        let card = futuristCard(tool, asOf: asOf, field: field)
        let voice = Voice(.futurist, tool)
        let name = displayName(tool)
        let year = (monthIndex(asOf).map { $0 / 12 } ?? 2026) + 1
        var prose = Prose()
        prose.add(futuristThesis(tool, name: name, year: year))
        prose.addOptional(
            futuristThesisSignal(f.bet).isUnknown
                ? "That guess is mine, not the vendor's, and a tool that cannot say what it bets on is harder to back."
                : "If that is not visibly true by \(year), the bet behind \(name) failed, and so does the case for adopting early.")
        prose.add(
            "What must go right for \(name): \(futuristMustGoRight(f)). What must not happen: \(futuristMustNotHappen(f, name: name)).")
        prose.addOptional(voice.pick(["The second-order effect: ", "Second-order, "], "second") + futuristSecondOrder(tool) + ".")
        let timingWord = timing == .unknown ? "impossible to call" : timing.rawValue
        prose.add("On timing, \(name) is \(timingWord): \(reason).")
        if let line = fieldSentence(against) { prose.addOptional(line) }
        if let line = barSentence(card, base: 3, field: field) { prose.addOptional(line) }
        let unknown = card.unknowns.filter { $0.fact == "open_weights" || $0.fact == "modalities" }
        if !unknown.isEmpty {
            let labels = unknown.map { $0.fact == "open_weights" ? "whether the weights are open" : "its modalities" }
            prose.add("Also unknown: \(joinedList(labels)), so I price in less upside.")
        }
        let drivers = driverSummary(card)
        let because =
            card.verdict == .ship
            ? "on the strength of \(drivers), it is a bet worth backing now"
            : drivers.isEmpty ? "nothing declared makes the bet worth backing yet" : "with \(drivers), it is a bet to watch, not back"
        prose.add("\(verdictLine(card, name)): \(because). \(flipSentence(card, name))")
        return Draft(card: card, text: prose.render())
    }

    static func futuristTiming(_ f: ToolFacts, asOf: String) -> (Timing, String) {
        let launched = monthIndex(f.launched)
        let age = launched.flatMap { l in monthIndex(asOf).map { $0 - l } }
        let since = age.map { " \(months($0)) after its \(f.launched ?? "") launch" } ?? ", with its launch date not declared"
        let stage = f.status == .waitlist ? "behind a waitlist" : "in \(f.status?.rawValue ?? "")"
        switch (f.status, age) {
        case (.deprecated?, _): return (.late, "it is deprecated, so its window has closed")
        case (_, let a?) where a < 0: return (.early, "it is not generally usable until \(f.launched ?? "")")
        case (let s?, let a?) where s != .ga && a > 18:
            return (.late, "still \(stage)\(since), and the window is closing")
        case (let s?, _) where s != .ga:
            return (.early, "still \(stage)\(since), so adopters pay for the head start in instability")
        case (.ga?, _): return (.onTime, "generally available\(since), early enough to matter and proven enough to trust")
        case (nil, let a?) where a <= 12: return (.early, "\(months(a)) since launch, with its release status not declared")
        case (nil, let a?): return (.onTime, "\(months(a)) since launch, though its release status is not declared")
        default: return (.unknown, "its launch date and release status are both unknown")
        }
    }

    static func futuristTimingSignal(_ timing: Timing, _ f: ToolFacts) -> Signal {
        let range = -2...2
        let toGA = "once it reaches general availability"
        switch timing {
        case .onTime:
            let window =
                f.launched.map { "if it is deprecated, closing the window its \(clip($0, 10)) launch opened" } ?? "if it is deprecated"
            return Signal("launched", 2, range, "an on-time entry", toSkip: window)
        case .early:
            return Signal(
                "launched", 0, range, "an early entry", toShip: f.status == nil || f.status == .ga ? nil : toGA,
                toSkip: "if it is still pre-release 18 months after launch")
        case .late:
            return Signal("launched", -2, range, "a late entry", toShip: f.status == .deprecated ? nil : toGA)
        case .unknown:
            return Signal(
                "launched", -1, range, "timing that cannot be judged", unknown: true,
                toShip: "once it is declared generally available")
        }
    }

    /// A bet many others are making is worth less to the one making it: the upside is shared.
    static func futuristCrowding(_ competitors: [String]?) -> Signal {
        switch competitors?.count {
        case nil: Signal("competitors", 0, -1...1, "a field whose crowding is not declared", unknown: true)
        case let n? where n >= 4:
            Signal("competitors", -1, -1...1, "a bet \(n) declared rivals are also making")
        case let n? where n <= 2:
            Signal("competitors", 1, -1...1, "a bet few others are making", toSkip: "if more rivals crowd into the same bet")
        default: Signal("competitors", 0, -1...1, "a field with a few rivals")
        }
    }

    static func futuristThesisSignal(_ bet: String?) -> Signal {
        guard let bet, !clip(bet, 140).isEmpty else {
            return Signal(
                "bet", -1, -1...1, "an undeclared thesis", unknown: true,
                toShip: "once the vendor states the bet it is making")
        }
        return Signal("bet", 1, -1...1, "a stated bet")
    }

    static func futuristOpenWeights(_ open: Bool?, name: String = "its") -> Signal {
        switch open {
        case true?: Signal("open_weights", 1, 0...1, "open weights", toSkip: "if the weights of \(name) are closed")
        case false?: Signal("open_weights", 0, 0...1, "closed weights", toShip: "once the weights of \(name) are opened")
        case nil: Signal("open_weights", 0, 0...1, "weights whose openness is not declared", unknown: true)
        }
    }

    static func futuristModalities(_ modalities: [String]?) -> Signal {
        guard let modalities else {
            return Signal("modalities", 0, 0...1, "modalities that are not declared", unknown: true)
        }
        guard modalities.count >= 2 else {
            return Signal("modalities", 0, 0...1, "a single modality", toShip: "once it handles more than one modality")
        }
        return Signal("modalities", 1, 0...1, "\(modalities.count) modalities in one product")
    }

    /// The bet made falsifiable with a year; when none is declared, a cautious one derived from the facts.
    static func futuristThesis(_ tool: Tool, name: String, year: Int) -> String {
        let bet = clip(tool.facts.bet ?? "", 140)
        guard bet.isEmpty else {
            let clause = thesisClause(bet, year: year)
            return "The falsifiable thesis behind \(name): \(clause)\(clause.hasSuffix("…") ? "" : ".")"
        }
        let f = tool.facts
        let category = clip(tool.category, 40).lowercased()
        let field = category.isEmpty ? "AI" : category
        let (source, clause): (String, String)
        if f.openWeights == true {
            (source, clause) = ("its open weights", "open-weight \(field) models will be good enough to run on a team's own hardware")
        } else if let m = f.modalities, m.count >= 2 {
            (source, clause) = (
                "its modalities",
                "\(field) products will handle \(joinedList(m.map { clip($0, 20) })) in one call instead of a chain of models"
            )
        } else {
            (source, clause) = (
                "its category",
                "\(category.isEmpty ? "tools like it" : category) will be bought as a metered service rather than built in-house"
            )
        }
        return "The thesis behind \(name) is not declared, so I derive a cautious one from \(source): by \(year), \(clause)."
    }

    /// "by 2027, agents will write most pull requests", keeping a year the vendor already named.
    static func thesisClause(_ bet: String, year: Int) -> String {
        var core = bet
        while let last = core.last, last == "." || last == "!" { core.removeLast() }
        let words = core.split(separator: " ")
        let namesYear = words.count > 1 && words[0].lowercased() == "by" && words[1].prefix(4).allSatisfy(\.isNumber)
        // Lower-case the opening word unless it is an acronym ("AI", "GPU").
        if let first = words.first, first.count > 1, first.dropFirst().first?.isLowercase == true {
            core = core.prefix(1).lowercased() + core.dropFirst()
        }
        return namesYear ? core : "by \(year), \(core)"
    }

    static func futuristMustGoRight(_ f: ToolFacts) -> String {
        // Only what it outputs: a model that reads images does not generate them.
        let media = ["video", "audio", "image"].first { f.outputModalities?.contains($0) == true }
        if f.openWeights == true { return "open models keep pace with hosted frontier models" }
        if let media { return "the cost of \(media) generation keeps falling steeply" }
        return "model quality per dollar keeps improving every quarter"
    }

    static func futuristMustNotHappen(_ f: ToolFacts, name: String) -> String {
        switch f.backing {
        case .bigTech?: "its parent folds \(name) into a bundle and freezes the standalone product"
        case .openCommunity?: "the maintainers of \(name) run out of funding"
        default: "a frontier lab ships what \(name) does as a free built-in feature"
        }
    }

    static func futuristSecondOrder(_ tool: Tool) -> String {
        let f = tool.facts
        let name = displayName(tool)
        if f.openWeights == true {
            return "if \(name) works, fine-tuned forks multiply and the moat moves from the model to the data"
        }
        if let m = f.modalities, m.count >= 2 {
            return "if \(name) works, teams stop stitching single-modality models together and the glue code disappears"
        }
        let category = clip(tool.category, 40).lowercased()
        return
            "if \(name) works, the scarce skill in \(category.isEmpty ? "this field" : category) shifts from producing the work to judging it"
    }
}
