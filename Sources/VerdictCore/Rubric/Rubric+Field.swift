import Foundation

extension Rubric {
    /// A category as each persona weighs a tool against it: the medians of the facts its listed
    /// tools declare. A median needs at least `minimum` tools declaring the fact; below that
    /// there is no field to judge against and the field signals stay neutral.
    public struct Field: Sendable, Hashable {
        public static let minimum = 3
        public static let none = Field(tools: [])

        public var tools: Int
        /// USD per 1M input tokens; a free tool counts as 0.
        public var medianInputPrice: Double?
        /// The same over the tools that charge: what a priced tool is compared with where most
        /// of the category is free.
        public var medianPricedInput: Double?
        public var medianContext: Int?
        /// Share of the tools declaring weights that publish them.
        public var openShare: Double?
        /// Launch month as a month count (`monthIndex`).
        public var medianLaunch: Int?

        /// Each persona's bar in this category: the median score its listed tools get from the
        /// persona (weighed against the same medians). A persona ships a tool that reaches both
        /// its own threshold and this: at least as good as the typical rival.
        public var bars: [Persona: Int] = [:]

        /// The field of a category's listed tools, bars included.
        public init(tools: [Tool], asOf: String = "2026-11") {
            self.init(entries: tools.map { ($0.entry, $0.facts) })
            guard tools.count >= Self.minimum else { return }
            let medians = self
            for persona in Persona.allCases {
                let scores = tools.map { Double(Rubric.card(for: persona, on: $0, asOf: asOf, field: medians).score) }
                bars[persona] = Self.median(scores).map { Int($0) }
            }
        }

        /// Whether two fields judge alike (the same medians and bars), whatever their sizes: only
        /// then may a category's other tools keep their takes when one tool joins or leaves.
        public func judgesLike(_ other: Field) -> Bool {
            var a = self
            var b = other
            (a.tools, b.tools) = (0, 0)
            return a == b
        }

        /// The persona's threshold here: its own, raised to the category's bar.
        func bar(_ persona: Persona, base: Int) -> Int { max(base, bars[persona] ?? base) }

        /// The field of these tools' entry tiers and facts (all a field reads).
        public init(entries: [(entry: EntryTier, facts: ToolFacts)]) {
            tools = entries.count
            let prices = entries.compactMap { e -> Double? in
                if e.entry == .free || e.facts.pricingModel == .free { return 0 }
                return e.facts.inputPricePerMTok.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            }
            medianInputPrice = Self.median(prices)
            medianPricedInput = Self.median(prices.filter { $0 > 0 })
            medianContext = Self.median(entries.compactMap { $0.facts.contextWindow.flatMap { $0 > 0 ? Double($0) : nil } }).map { Int($0) }
            let weights = entries.compactMap(\.facts.openWeights)
            openShare = weights.count >= Self.minimum ? Double(weights.filter { $0 }.count) / Double(weights.count) : nil
            medianLaunch = Self.median(entries.compactMap { monthIndex($0.facts.launched).map(Double.init) }).map { Int($0) }
        }

        /// The middle value (the lower of the two middle ones for an even count, so the field's
        /// figure is always one a tool in it declares); nil below `minimum` values.
        static func median(_ values: [Double]) -> Double? {
            guard values.count >= minimum else { return nil }
            let sorted = values.sorted()
            return sorted[(sorted.count - 1) / 2]
        }
    }

    /// The Buyer: the tool's input price against the category's median.
    static func fieldPrice(_ tool: Tool, _ field: Field) -> Signal? {
        guard let median = field.medianInputPrice else { return nil }
        let free = tool.entry == .free || tool.facts.pricingModel == .free
        guard let price = free ? 0 : tool.facts.inputPricePerMTok, price.isFinite, price >= 0 else { return nil }
        let m = usd(median)
        if median == 0 {
            guard price > 0 else { return nil }
            // Where most rivals are free, a price counts against; twice the priced rivals' median, doubly.
            if let priced = field.medianPricedInput, price >= priced * 2 {
                return Signal(
                    "field_price", -2, -2...1,
                    "\(usd(price)) per 1M input tokens where most of its category is free, at least twice its priced rivals' median of \(usd(priced))",
                    toShip: "once its input price falls under \(usd(priced * 2))")
            }
            return Signal(
                "field_price", -1, -2...1, "\(usd(price)) per 1M input tokens where most of its category is free",
                toShip: "once a free tier matches its free rivals")
        }
        if price <= median / 2 {
            let what = free ? "free use" : "\(usd(price)) per 1M input tokens"
            return Signal(
                "field_price", 1, -2...1, "\(what) against a category median of \(m)",
                toSkip: free ? nil : "if its input price rises past \(m)")
        }
        if price >= median * 2, price > 0 {
            return Signal(
                "field_price", -1, -2...1, "\(usd(price)) per 1M input tokens, at least twice the category median of \(m)",
                toShip: "once its input price falls to the category median of \(m)")
        }
        return nil
    }

    /// The Builder: the context window against the category's median.
    static func fieldContext(_ tool: Tool, _ field: Field) -> Signal? {
        guard let median = field.medianContext, let window = tool.facts.contextWindow, window > 0 else { return nil }
        if window >= median * 2 {
            return Signal("field_context", 1, -1...1, "\(grouped(window)) tokens of context, twice the category median or more")
        }
        if window * 2 <= median {
            return Signal(
                "field_context", -1, -1...1, "\(grouped(window)) tokens of context, half the category median of \(grouped(median)) or less",
                toShip: "once its context window reaches the category median of \(grouped(median)) tokens")
        }
        return nil
    }

    /// The Skeptic: a track record against the category's; a year either side of its median launch.
    static func fieldTrackRecord(_ tool: Tool, _ field: Field) -> Signal? {
        guard let median = field.medianLaunch, let launched = monthIndex(tool.facts.launched) else { return nil }
        if launched <= median - 12 {
            return Signal("field_track_record", 1, -1...1, "a longer track record than most of its category")
        }
        if launched >= median + 12 {
            return Signal("field_track_record", -1, -1...1, "less of a track record than most of its category")
        }
        return nil
    }

    /// The Futurist: open weights count for more where most of the category is closed, and
    /// closed weights count against where most of it is open.
    static func fieldOpenness(_ tool: Tool, _ field: Field) -> Signal? {
        guard let share = field.openShare, let open = tool.facts.openWeights else { return nil }
        if open, share < 0.5 {
            return Signal(
                "field_openness", 1, -1...1, "open weights where most of its category is closed", toSkip: "if the weights are closed")
        }
        if !open, share > 0.5 {
            return Signal(
                "field_openness", -1, -1...1, "closed weights where most of its category is open", toShip: "once the weights are opened")
        }
        return nil
    }
}
