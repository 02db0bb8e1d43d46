import Foundation

extension Rubric {
    /// The Builder ships what it can integrate in an afternoon and run without surprises.
    /// The API is the core primitive, so it carries the most weight.
    static func builderCard(_ tool: Tool, field: Field) -> Scorecard {
        let signals = builderSignals(tool.facts) + [fieldContext(tool, field)].compactMap { $0 }
        return Scorecard(signals: signals, threshold: field.bar(.builder, base: 4))
    }

    static func builderTake(_ tool: Tool, field: Field = .none) -> Draft {
        let f = tool.facts
        let against = fieldContext(tool, field)
        let card = builderCard(tool, field: field)
        let voice = Voice(.builder, tool)
        let name = displayName(tool)
        var prose = Prose()
        prose.add(
            voice.pick(
                [
                    "I'm the one who would wire \(name) into a product, so I start with what I'd actually call.",
                    "Before I give \(name) an afternoon, I check the surface I'd be coding against.",
                    "Treat \(name) as an integration job first; that is how I read it.",
                ], "open"))
        prose.add("On the surface: \(describe(card.signals(["api", "sdks", "docs_url"]))).")
        prose.add(builderFirstResult(f.quickstartMinutes, name: name))
        prose.add(builderControl(f, card, name: name))
        prose.addOptional(builderFailureModes(f, card, name: name))
        if let line = fieldSentence(against) { prose.addOptional(line) }
        if let line = barSentence(card, base: 4, field: field) { prose.addOptional(line) }
        prose.add(builderDecision(card))
        prose.add("\(verdictLine(card, name)). \(flipSentence(card, name))")
        return Draft(card: card, text: prose.render())
    }

    static func builderSignals(_ f: ToolFacts) -> [Signal] {
        var signals = [
            builderAPI(f.api, sdks: f.sdks), builderSDKs(f.sdks),
            f.docsURL.map { $0.isEmpty } == false
                ? Signal(
                    "docs_url", 1, -1...1, "public docs",
                    toSkip:
                        "if the docs at \(URLComponents(string: f.docsURL ?? "")?.host.map { clip($0, 40) } ?? "its public address") go away"
                )
                : Signal(
                    "docs_url", -1, -1...1, "docs that are not declared", unknown: true,
                    toShip: "once public docs are linked"),
            builderQuickstart(f.quickstartMinutes), builderLicence(f),
            f.selfHostable.map {
                $0
                    ? Signal("self_hostable", 1, 0...1, "self-hosting", toSkip: "if self-hosting is withdrawn")
                    : Signal("self_hostable", 0, 0...1, "hosted-only deployment", toShip: "once it can be self-hosted")
            } ?? Signal("self_hostable", 0, 0...1, "self-hosting that is not declared", unknown: true),
            f.rateLimitsPublished.map {
                $0
                    ? Signal(
                        "rate_limits_published", 1, -1...1, "published rate limits",
                        toSkip: "if the rate limits stop being published")
                    : Signal(
                        "rate_limits_published", -1, -1...1, "unpublished rate limits",
                        toShip: "once rate limits are published")
            }
                ?? Signal(
                    "rate_limits_published", -1, -1...1, "rate limits that are not declared",
                    unknown: true, toShip: "once rate limits are published"),
            statusSignal(f.status, unknownWeight: 0, launched: f.launched),
        ]
        // A context window only matters for tools that read text; an image model has none to declare.
        let readsText = f.modalities.map { $0.contains("text") || $0.contains("code") } ?? true
        if readsText || f.contextWindow != nil { signals.append(builderContext(f.contextWindow)) }
        return signals
    }

    static func builderAPI(_ api: Bool?, sdks: [String]? = nil) -> Signal {
        let behind = (sdks ?? []).isEmpty ? "" : " behind its \(joinedList((sdks ?? []).map { sdkName(clip($0, 20)) }, max: 3)) SDKs"
        switch api {
        case true?: return Signal("api", 3, -3...3, "a documented HTTP API", toSkip: "if the public API\(behind) goes away")
        case false?: return Signal("api", -3, -3...3, "no public API", toShip: "once a documented public API ships")
        case nil:
            return Signal(
                "api", -1, -3...3, "an API that is not declared", unknown: true,
                toShip: "once a documented public API is declared")
        }
    }

    static func builderSDKs(_ sdks: [String]?) -> Signal {
        guard let sdks else {
            return Signal(
                "sdks", 0, -1...2, "SDKs that are not declared", unknown: true,
                toShip: "once official SDKs are declared")
        }
        guard !sdks.isEmpty else {
            return Signal("sdks", -1, -1...2, "no official SDK", toShip: "once an official SDK ships")
        }
        let names = joinedList(sdks.map { sdkName(clip($0, 20)) })
        // Two or more languages reach most teams; one reaches the teams that write it.
        guard sdks.count >= 2 else {
            return Signal("sdks", 1, -1...2, "an official \(names) SDK only", toShip: "once a second official SDK ships")
        }
        return Signal("sdks", 2, -1...2, "official \(names) SDKs", toSkip: "if the official \(names) SDKs are dropped")
    }

    static func sdkName(_ raw: String) -> String {
        let known = [
            "python": "Python", "typescript": "TypeScript", "javascript": "JavaScript", "go": "Go",
            "java": "Java", "rust": "Rust", "swift": "Swift", "ruby": "Ruby", "kotlin": "Kotlin",
            "csharp": "C#", "dotnet": ".NET", "php": "PHP", "node": "Node.js",
        ]
        return known[raw.lowercased()] ?? raw
    }

    static func builderQuickstart(_ minutes: Int?) -> Signal {
        guard let m = minutes, m >= 0 else {
            return Signal(
                "quickstart_minutes", 0, -1...2, "an unknown time to first result", unknown: true,
                toShip: "once the quick start shows a first result within 15 minutes")
        }
        if m <= 15 {
            return Signal(
                "quickstart_minutes", 2, -1...2, "a \(m)-minute quick start",
                toSkip: "if a first result takes more than an hour")
        }
        if m <= 60 { return Signal("quickstart_minutes", 1, -1...2, "a \(m)-minute quick start") }
        return Signal(
            "quickstart_minutes", -1, -1...2, "a \(m)-minute path to a first result",
            toShip: "once a first result takes under 15 minutes")
    }

    static func builderLicence(_ f: ToolFacts) -> Signal {
        let licence = f.license.map { clip($0, 30) }.flatMap { $0.isEmpty ? nil : $0 }
        let closedWords = ["proprietary", "commercial", "closed"]
        let closed = licence.map { l in closedWords.contains { l.lowercased().contains($0) } }
        let weights = f.openWeights == true ? " with open weights" : ""
        let toOpen = "once the code or weights ship under an open licence"
        switch (licence, closed) {
        case (let l?, false?):
            return Signal("license", 1, 0...1, "the \(l) licence\(weights)", toSkip: "if the \(l) licence turns proprietary")
        case (_?, true?) where f.openWeights == true:
            return Signal("license", 1, 0...1, "open weights under a proprietary licence")
        case (_?, _):
            return Signal("license", 0, 0...1, "a proprietary licence", toShip: toOpen)
        case (nil, _) where f.openWeights == true:
            return Signal("license", 1, 0...1, "open weights under an undeclared licence", unknown: true)
        default:
            return Signal("license", 0, 0...1, "a licence that is not declared", unknown: true, toShip: toOpen)
        }
    }

    static func builderContext(_ tokens: Int?) -> Signal {
        let range = -1...1
        guard let t = tokens, t > 0 else {
            return Signal("context_window", 0, range, "a context window that is not declared", unknown: true)
        }
        if t >= 100_000 { return Signal("context_window", 1, range, "a \(grouped(t))-token context window") }
        if t < 16_000 {
            return Signal(
                "context_window", -1, range, "a tight \(grouped(t))-token context window",
                toShip: "once the context window grows past 16,000 tokens")
        }
        return Signal("context_window", 0, range, "a \(grouped(t))-token context window")
    }

    static func builderFirstResult(_ minutes: Int?, name: String) -> String {
        guard let m = minutes, m >= 0 else {
            return "\(name) declares no time to a first result, so I'd budget half a day just to find out."
        }
        if m <= 15 { return "The quick start promises a first result in \(m) minutes, which I can check before my coffee cools." }
        if m <= 60 { return "A first result takes about \(m) minutes by the vendor's count, an acceptable spike." }
        return "\(m) minutes to a first result is a long spike before I learn anything."
    }

    static func builderControl(_ f: ToolFacts, _ card: Scorecard, name: String) -> String {
        let consequence: String
        if f.selfHostable == true || card.signals.contains(where: { $0.fact == "license" && $0.weight > 0 }) {
            consequence = "I can keep it running if the vendor changes course"
        } else if f.selfHostable == false && f.license != nil {
            consequence = "I inherit the vendor's uptime, roadmap, and price changes"
        } else {
            consequence = "I can't yet say who controls my uptime"
        }
        return "Licence and control of \(name): \(describe(card.signals(["license", "self_hostable"]))), so \(consequence)."
    }

    static func builderFailureModes(_ f: ToolFacts, _ card: Scorecard, name: String) -> String {
        let watched = card.signals(["rate_limits_published", "status", "context_window"])
        var modes: [String] = []
        if let published = f.rateLimitsPublished {
            modes.append(
                published
                    ? "published rate limits I can design backoff around"
                    : "unpublished rate limits, so I meet the 429s in production")
        }
        if f.status != nil { modes.append(builderStatusEffect(f.status, launched: f.launched)) }
        if let window = watched.first(where: { $0.fact == "context_window" && !$0.isUnknown }) {
            let effect = window.weight > 0 ? " that forgives long inputs" : window.weight < 0 ? " that forces chunking" : ""
            modes.append(window.phrase + effect)
        }
        let unknown = watched.filter(\.isUnknown)
        let guesswork = unknown.isEmpty ? "" : "For \(name), \(notDeclared(unknown)), so that much is guesswork."
        guard !modes.isEmpty else { return "Failure modes I'd inherit from \(name) are guesswork: \(notDeclared(unknown))." }
        // Semicolons when a failure mode carries its own comma ("..., so I meet the 429s").
        let listed = modes.contains { $0.contains(", ") } ? modes.joined(separator: "; ") : joinedList(modes)
        return ["Failure modes I'd inherit: \(listed).", guesswork].joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    static func builderStatusEffect(_ status: ReleaseStatus?, launched: String? = nil) -> String {
        switch status {
        case .ga?: "a GA release\(launched.map { " (since \(clip($0, 10)))" } ?? "") whose API should hold still"
        case .beta?: "a beta that can change under me"
        case .preview?: "a preview with no stability promise"
        case .waitlist?: "a waitlist between me and my first call"
        case .deprecated?: "a deprecated product I'd be migrating off soon"
        case nil: "an undeclared release status"
        }
    }

    static func builderDecision(_ card: Scorecard) -> String {
        let drivers = card.drivers()
        guard let first = drivers.first else {
            return "No single decision earns the ship here; nothing declared stands out either way."
        }
        let verb = card.verdict == .ship ? "earns the ship" : "loses it"
        let lead = first.isUnknown ? "the undeclared \(first.label)" : first.phrase
        let rest = drivers.dropFirst().map { $0.isUnknown ? "undeclared \($0.label)" : $0.phrase }
        let support = rest.isEmpty ? "" : ", with \(joinedList(Array(rest))) weighing in"
        return "The one decision that \(verb) is \(lead)\(support)."
    }
}
