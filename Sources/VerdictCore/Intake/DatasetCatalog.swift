import Foundation

/// Dataset records as a catalog document in Verdict's own import format, so a dataset import is
/// validated and written by the same pipeline as a YAML file (slug rules, text cleaning, URL
/// rules, the rubric, the panel jobs, one transaction).
///
/// One tool per `ToolKey` (the matching rule in `ToolKey`): the records of one model from several
/// providers and datasets become one tool. A key already stored by a sync (`existing`) keeps its
/// tool; a key new to the intake whose plain slug is an editorial tool joins that tool; any other
/// key makes a new tool. A tool's facts belong to the dataset that made it (its source is that
/// dataset's homepage): that dataset's later snapshots rewrite them, other datasets only add their
/// records and offers. Editorial tools' text is never replaced; an editor takes an imported tool
/// over by changing its source. Records that are not models (`ModelCategory.other`) are left out.
public struct DatasetCatalog: Sendable {
    /// A tool a key already belongs to.
    public struct Existing: Sendable, Hashable {
        public var slug: String
        /// The dataset that made the tool and owns its facts; nil for an editorial tool.
        public var owner: PriceDataset?

        public init(slug: String, owner: PriceDataset? = nil) {
            self.slug = slug
            self.owner = owner
        }
    }

    public var document: JSONValue
    /// Tools the document adds, by slug.
    public var added: [String]
    /// Tools the document rewrites from this dataset (tools it made earlier), by slug.
    public var updated: [String] = []
    /// Slugs of tools whose facts the dataset does not own: they only gain records and offers.
    public var unchanged: [String]
    /// Records left out because they are services, not models (web search, vector stores).
    public var notModels: Int
    /// The tool slug each key's records and offers belong to.
    public var slugs: [ToolKey: String] = [:]

    /// `changedKeys`, when given, limits the document to those keys (a sync's added and changed
    /// records); every key still gets its slug.
    public static func build(
        _ models: [SourceModel], dataset: PriceDataset, knownSlugs: Set<String>, existing: [ToolKey: Existing] = [:],
        changedKeys: Set<ToolKey>? = nil
    ) -> DatasetCatalog {
        var notModels = 0
        var groups: [ToolKey: [SourceModel]] = [:]
        for model in models {
            guard model.category != .other else {
                notModels += 1
                continue
            }
            groups[model.toolKey, default: []].append(model)
        }
        let datasetSlugs = Set(existing.values.map(\.slug))
        var taken = knownSlugs
        var catalog = DatasetCatalog(document: .null, added: [], unchanged: [], notModels: notModels)
        var tools: [JSONValue] = []
        for key in groups.keys.sorted() {
            guard let records = groups[key] else { continue }
            let wanted = changedKeys?.contains(key) ?? true
            if let known = existing[key] {
                catalog.slugs[key] = known.slug
                guard wanted else { continue }
                if known.owner == dataset {
                    catalog.updated.append(known.slug)
                    tools.append(tool(key, records, slug: known.slug, dataset: dataset))
                } else {
                    catalog.unchanged.append(known.slug)
                }
                continue
            }
            guard wanted else { continue }
            let plain = slug(key.model)
            if knownSlugs.contains(plain) && !datasetSlugs.contains(plain) {
                catalog.slugs[key] = plain
                catalog.unchanged.append(plain)
                continue
            }
            let vendorSlug = slug("\(key.vendor) \(key.model)")
            let numbered = (2...99).lazy.map { n in slug("\(vendorSlug.prefix(75)) \(n)") }
            let usable = { (s: String) in !taken.contains(s) && Slug.isValidToolSlug(s) }
            let chosen = [plain, vendorSlug].first(where: usable) ?? numbered.first(where: usable)
            guard let chosen else { continue }  // an id that makes no usable slug (only symbols)
            taken.insert(chosen)
            catalog.slugs[key] = chosen
            catalog.added.append(chosen)
            tools.append(tool(key, records, slug: chosen, dataset: dataset))
        }
        catalog.document = .object(["tools": .array(tools)])
        return catalog
    }

    /// A slug from a model id: lowercase letters, digits and single hyphens, at most 80
    /// characters, never "-vs-" (which names a comparison).
    static func slug(_ text: String) -> String {
        var s = Slug.make(text).replacingOccurrences(of: "-vs-", with: "-v-")
        if s.count > 80 { s = String(s.prefix(80)) }
        while s.hasSuffix("-") { s.removeLast() }
        return s
    }

    private static func tool(_ key: ToolKey, _ records: [SourceModel], slug: String, dataset: PriceDataset) -> JSONValue {
        let own = records.first { $0.offers.contains { $0.seller == key.vendor } } ?? records[0]
        let vendor = vendorName(key.vendor)
        let category = categoryName(own.category)
        let offer = priceOffer(records, vendor: key.vendor)
        var facts: [String: JSONValue] = ["api": .bool(true)]
        let modalities = Array(Set(records.flatMap { $0.inputModalities + $0.outputModalities })).sorted()
        if !modalities.isEmpty { facts["modalities"] = .array(modalities.map(JSONValue.string)) }
        let outputs = Array(Set(records.flatMap(\.outputModalities))).sorted()
        if !outputs.isEmpty { facts["output_modalities"] = .array(outputs.map(JSONValue.string)) }
        if let context = records.compactMap(\.contextWindow).max(), context > 0 { facts["context_window"] = .int(context) }
        if let open = own.openWeights { facts["open_weights"] = .bool(open) }
        if let license = own.license { facts["license"] = .string(license) }
        if let status = own.status { facts["status"] = .string(status.rawValue) }
        if let released = own.releaseDate, released.count >= 7 { facts["launched"] = .string(String(released.prefix(7))) }
        if let offer, let input = offer.price(.inputTokens)?.amount, let output = offer.price(.outputTokens)?.amount {
            facts["pricing_model"] = .string("per_token")
            facts["pricing_published"] = .bool(true)
            facts["input_price_per_mtok"] = .double(NSDecimalNumber(decimal: input).doubleValue)
            facts["output_price_per_mtok"] = .double(NSDecimalNumber(decimal: output).doubleValue)
            let sellers = Set(records.flatMap { $0.offers.map(\.seller) }).count
            facts["price_note"] = .string(
                "\(offer.sellerName ?? offer.seller), per 1M tokens: \(usd(input)) input, \(usd(output)) output, as \(dataset.rawValue) "
                    + "listed it; \(sellers) \(sellers == 1 ? "seller" : "sellers") in that dataset")
        }
        let free = records.flatMap(\.offers).flatMap(\.prices).allSatisfy { $0.amount == 0 } && offer != nil
        var description = "\(own.name) is \(kind(own.category)) from \(vendor)"
        if let context = facts["context_window"], case .int(let n) = context { description += " with a context of \(n) tokens" }
        description += ". Its facts and prices come from the public \(dataset.rawValue) dataset (record \(own.recordID)); "
        description += "they are as that dataset published them, not verified by the editors."
        return .object([
            "slug": .string(slug), "name": .string(own.name), "vendor": .string(vendor), "category": .string(category),
            "description": .string(description), "entry": .string(offer == nil ? "contact" : free ? "free" : "paid"),
            "source_url": .string(dataset.homepage), "facts": .object(facts),
        ])
    }

    /// The offer whose price the tool states: the vendor's own standard offer, else the first
    /// standard offer of another seller (in the dataset's order), else none.
    static func priceOffer(_ records: [SourceModel], vendor: String) -> Offer? {
        let standard = records.flatMap(\.offers).filter { $0.variant == .standard && $0.price(.inputTokens) != nil }
        return standard.first { $0.seller == vendor } ?? standard.first
    }

    /// "an image generation model": what the description calls the tool.
    static func kind(_ category: ModelCategory) -> String {
        switch category {
        case .language: "a language model"
        case .image: "an image generation model"
        case .video: "a video generation model"
        case .audio: "a speech and audio model"
        case .embeddings: "an embedding model"
        case .other: "a service"
        }
    }

    /// "$2.50", "$0.075", "$10.00": at least cents, every published digit kept.
    public static func usd(_ amount: Decimal) -> String {
        var text = "\(amount)"
        if !text.contains(".") { text += "." }
        while text.split(separator: ".", omittingEmptySubsequences: false)[1].count < 2 { text += "0" }
        return "$" + text
    }

    static func categoryName(_ category: ModelCategory) -> String {
        switch category {
        case .language: "Language Models"
        case .image: "Image Generation"
        case .video: "Video Generation"
        case .audio: "Speech & Audio"
        case .embeddings: "Embeddings"
        case .other: "Other"
        }
    }

    static func vendorName(_ slug: String) -> String {
        let known = [
            "openai": "OpenAI", "anthropic": "Anthropic", "google": "Google", "meta": "Meta", "mistral": "Mistral AI",
            "deepseek": "DeepSeek", "xai": "xAI", "alibaba": "Alibaba", "cohere": "Cohere", "amazon": "Amazon",
            "microsoft": "Microsoft", "nvidia": "NVIDIA", "ai21": "AI21 Labs", "perplexity": "Perplexity",
        ]
        if let name = known[slug] { return name }
        return slug.prefix(1).uppercased() + slug.dropFirst()
    }
}
