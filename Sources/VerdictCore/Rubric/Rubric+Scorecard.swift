extension Rubric {
    /// One weighed fact: what it adds to a persona's score, and how the take words it.
    struct Signal: Sendable, Hashable {
        /// The fact's import key ("pricing_published"), so a verdict can be traced to its facts.
        var fact: String
        /// What the fact adds now.
        var weight: Int
        /// The least and most this fact could add; used to find what would flip the verdict.
        var range: ClosedRange<Int>
        /// A noun phrase for the text: "published rate limits", "a free tier".
        var phrase: String
        /// The fact was not declared.
        var isUnknown: Bool
        /// The condition under which this fact alone changes the verdict: "once pricing is published".
        var toShip: String?
        var toSkip: String?

        /// The fact's name in prose: "rate limits".
        var label: String { Rubric.factLabels[fact] ?? fact }

        init(
            _ fact: String, _ weight: Int, _ range: ClosedRange<Int>, _ phrase: String,
            unknown: Bool = false, toShip: String? = nil, toSkip: String? = nil
        ) {
            self.fact = fact
            self.weight = weight
            self.range = range
            self.phrase = phrase
            self.isUnknown = unknown
            self.toShip = toShip
            self.toSkip = toSkip
        }
    }

    /// A persona's signals weighed against its ship threshold.
    struct Scorecard: Sendable, Hashable {
        var signals: [Signal]
        /// Ship when the score reaches this.
        var threshold: Int
        /// Within this many points of the line the verdict is narrow: one fact of weight 1–2 decides it.
        var margin = 2

        var score: Int { signals.reduce(0) { $0 + $1.weight } }
        var verdict: Verdict { score >= threshold ? .ship : .skip }

        var conviction: Conviction {
            let distance = verdict == .ship ? score - threshold : threshold - 1 - score
            return distance < margin ? .narrow : .clear
        }

        /// The fact nearest this tool's threshold: of the facts whose change alone would carry the
        /// score across, the one that needs the smallest move (a declared fact before an unknown
        /// one, and a withdrawal of the product itself — deprecation — last), if any can.
        var flipSignal: Signal? {
            var found: (signal: Signal, rank: (Int, Int, Int))?
            for s in signals {
                let swing: Int
                switch verdict {
                case .skip:
                    guard s.toShip != nil, score - s.weight + s.range.upperBound >= threshold else { continue }
                    swing = s.range.upperBound - s.weight
                case .ship:
                    guard s.toSkip != nil, score - s.weight + s.range.lowerBound < threshold else { continue }
                    swing = s.weight - s.range.lowerBound
                }
                let rank = (s.fact == "status" ? 1 : 0, swing, s.isUnknown ? 1 : 0)
                if found.map({ rank < $0.rank }) ?? true { found = (s, rank) }
            }
            return found?.signal
        }

        /// "flips to ship once pricing is published"; nil when no single fact could flip it.
        var flip: String? {
            guard let s = flipSignal else { return nil }
            switch verdict {
            case .ship: return s.toSkip.map { "flips to skip \($0)" }
            case .skip: return s.toShip.map { "flips to ship \($0)" }
            }
        }

        /// The facts that drove the verdict, strongest first: positives for ship, negatives for skip.
        func drivers(_ count: Int = 3) -> [Signal] {
            let sign = verdict == .ship ? 1 : -1
            return signals.enumerated()
                .filter { $0.element.weight * sign > 0 }
                .sorted { ($0.element.weight * sign, -$0.offset) > ($1.element.weight * sign, -$1.offset) }
                .prefix(count)
                .map(\.element)
        }

        /// The phrase of the signal for `fact`, for sentences that walk through the facts.
        func phrase(_ fact: String) -> String {
            signals.first { $0.fact == fact }?.phrase ?? ""
        }

        /// The signals for these facts, in the order asked for.
        func signals(_ facts: [String]) -> [Signal] {
            facts.compactMap { fact in signals.first { $0.fact == fact } }
        }

        var unknowns: [Signal] { signals.filter(\.isUnknown) }
    }

    /// How the takes name each weighed fact, keyed by import key.
    static let factLabels: [String: String] = [
        "workload_cost": "the month's cost", "claims": "claims",
        "api": "API", "sdks": "SDKs", "docs_url": "docs", "quickstart_minutes": "time to first result",
        "license": "licence", "self_hostable": "self-hosting", "rate_limits_published": "rate limits",
        "status": "release status", "context_window": "context window", "competitors": "competitors",
        "benchmarks_published": "benchmarks", "backing": "backing", "lock_in": "lock-in", "bet": "thesis",
        "launched": "timing", "open_weights": "weights", "modalities": "modalities", "pricing_published": "pricing",
        "free_tier": "free tier", "pricing_model": "pricing model", "enterprise": "enterprise controls",
        "entry": "entry tier", "field_price": "price against the category", "field_context": "context against the category",
        "field_track_record": "track record against the category", "field_openness": "openness against the category",
    ]

    /// "X is not declared" / "X and Y are not declared".
    static func notDeclared(_ signals: [Signal]) -> String {
        let plural =
            signals.count > 1
            || [
                "SDKs", "docs", "rate limits", "competitors", "benchmarks",
                "weights", "modalities", "enterprise controls",
            ].contains(signals.first?.label ?? "")
        return "\(joinedList(signals.map(\.label))) \(plural ? "are" : "is") not declared"
    }

    /// Declared facts by phrase, then the undeclared ones named as such:
    /// "a documented HTTP API; SDKs and docs are not declared".
    static func describe(_ signals: [Signal]) -> String {
        let known = joinedList(signals.filter { !$0.isUnknown }.map(\.phrase))
        let unknown = signals.filter(\.isUnknown)
        guard !unknown.isEmpty else { return known }
        return known.isEmpty ? notDeclared(unknown) : "\(known); \(notDeclared(unknown))"
    }

    /// The verdict's drivers for a closing line: "unverified claims, a crowded field, and undeclared backing".
    static func driverSummary(_ card: Scorecard) -> String {
        let drivers = card.drivers()
        var parts = drivers.filter { !$0.isUnknown }.map(\.phrase)
        let unknown = drivers.filter(\.isUnknown).map(\.label)
        if !unknown.isEmpty { parts.append("undeclared \(joinedList(unknown))") }
        return joinedList(parts)
    }

    /// "Ship Gemini 2.5 Flash, clearly" / "Skip Veo 3, narrowly".
    static func verdictLine(_ card: Scorecard, _ name: String) -> String {
        let verdict = card.verdict == .ship ? "Ship" : "Skip"
        return "\(verdict) \(name), \(card.conviction == .clear ? "clearly" : "narrowly")"
    }

    /// "It flips to ship once pricing is published." or why nothing single would.
    static func flipSentence(_ card: Scorecard, _ name: String) -> String {
        if let flip = card.flip { return "It \(flip)." }
        return card.verdict == .ship
            ? "No single fact changing would flip \(name)."
            : "No single fact would flip \(name); it needs several of these answered."
    }

    /// Release status as a signal; personas differ only in how much an undeclared status costs.
    /// The flip names the release it would end ("its GA release of 2025-06").
    static func statusSignal(_ status: ReleaseStatus?, unknownWeight: Int, launched: String? = nil) -> Signal {
        let range = -4...1
        let toGA = "once it reaches general availability"
        let release = launched.map { clip($0, 10) }.flatMap { $0.isEmpty ? nil : "its GA release of \($0)" } ?? "its GA release"
        switch status {
        case .ga?: return Signal("status", 1, range, "GA status", toSkip: "if \(release) is deprecated")
        case .beta?: return Signal("status", 0, range, "beta status", toShip: toGA)
        case .preview?: return Signal("status", -1, range, "preview-only access", toShip: toGA)
        case .waitlist?: return Signal("status", -2, range, "waitlist-only access", toShip: toGA)
        case .deprecated?: return Signal("status", -4, range, "a deprecation notice")
        case nil:
            return Signal(
                "status", unknownWeight, range, "a release status that is not declared",
                unknown: true, toShip: "once it is declared generally available")
        }
    }
}
