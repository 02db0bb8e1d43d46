import Foundation

/// Reads models.dev `api.json`: `{provider: {id, name, doc, models: {id: model}}}`, prices in USD per 1M tokens.
public enum ModelsDevReader {
    /// `cost` keys → our units. Spellings vary by provider (`cache_read`, `cached_input`, `cache_input`).
    static let units: [String: PricedUnit] = [
        "input": .inputTokens, "output": .outputTokens, "cache_read": .cachedInputTokens,
        "cached_input": .cachedInputTokens, "cache_input": .cachedInputTokens, "cache_write": .cacheWriteTokens,
        "cached_write": .cacheWriteTokens, "reasoning": .reasoningTokens, "input_audio": .inputAudioTokens,
        "output_audio": .outputAudioTokens, "image": .image, "request": .request,
    ]

    public static func read(_ data: Data, checkedAt: Date) throws(ImportFailure) -> SourceRead {
        let source = PriceDataset.modelsDev.rawValue
        guard let providers = try CatalogImport.parseJSON(data, source: source).members else {
            throw ImportFailure(source: source, problems: [ImportProblem("file", "expected a mapping of providers")])
        }
        var read = SourceRead(dataset: .modelsDev, records: [], problems: [])
        for providerID in providers.keys.sorted() {
            let provider = providers[providerID]?.members ?? [:]
            guard let models = provider["models"]?.members else {
                var check = RecordCheck(.modelsDev, providerID)
                check.report("models", "expected a mapping of models")
                read.problems += check.problems
                continue
            }
            for modelID in models.keys.sorted() {
                var check = RecordCheck(.modelsDev, "\(providerID)/\(modelID)")
                let model = record(models[modelID], id: modelID, provider: provider, providerID: providerID, checkedAt: checkedAt, &check)
                if check.problems.isEmpty, let model { read.records.append(model) }
                read.problems += check.problems
            }
        }
        return read
    }

    static func record(
        _ value: JSONValue?, id: String, provider: [String: JSONValue], providerID: String, checkedAt: Date,
        _ check: inout RecordCheck
    ) -> SourceModel? {
        guard let m = value?.members else {
            check.report("", "expected a mapping, got \(value?.kind ?? "nothing")")
            return nil
        }
        let modalities = m["modalities"]?.members ?? [:]
        let input = RecordCheck.strings(modalities["input"])
        let output = RecordCheck.strings(modalities["output"])
        let category = ModelCategory.from(input: input, output: output, family: m["family"]?.text)
        let limit = m["limit"]?.members ?? [:]
        let key = ToolKey.match(m["id"]?.text ?? id, provider: providerID)
        var model = SourceModel(
            dataset: .modelsDev, recordID: check.recordID, toolKey: key, name: m["name"]?.text ?? id, category: category,
            contextWindow: check.contextWindow(limit["context"], field: "limit.context", category: category),
            maxOutput: check.count(limit["output"], field: "limit.output").flatMap { $0 > 0 ? $0 : nil },
            inputModalities: input, outputModalities: output,
            openWeights: m["open_weights"]?.bool,
            releaseDate: check.date(m["release_date"], field: "release_date"),
            knowledgeCutoff: check.date(m["knowledge"], field: "knowledge"),
            status: status(m["status"]?.text))
        if let cost = m["cost"], cost != .null {
            let seller = ToolKey.seller(providerID)
            let prices = self.prices(cost, &check)
            model.offers = [
                Offer(
                    seller: seller, sellerName: provider["name"]?.text,
                    sellerKind: ToolKey.sellerKind(seller: seller, vendor: key.vendor), offerID: check.recordID,
                    prices: prices, checkedAt: checkedAt)
            ]
        }
        return model
    }

    /// alpha → preview; beta and deprecated as they are; no status is unknown.
    static func status(_ text: String?) -> ReleaseStatus? {
        switch text {
        case "alpha": .preview
        case "beta": .beta
        case "deprecated": .deprecated
        default: nil
        }
    }

    /// The base prices, with `tiers[]` and `context_over_200k` as context tiers on each unit.
    static func prices(_ cost: JSONValue, _ check: inout RecordCheck) -> [Price] {
        guard let c = cost.members else {
            check.report("cost", "expected a mapping of prices, got \(cost.kind)")
            return []
        }
        var tiers: [PricedUnit: [PriceTier]] = [:]
        for (size, set, path) in tierSets(c, &check) {
            for (key, unit) in units.sorted(by: { $0.key < $1.key }) {
                // Two spellings of one unit (`cache_read`, `cached_input`) in one tier: the first wins.
                guard tiers[unit, default: []].allSatisfy({ $0.aboveTokens != size }),
                    let amount = check.price(set[key], field: "\(path).\(key)")
                else { continue }
                tiers[unit, default: []].append(PriceTier(aboveTokens: size, amount: amount))
            }
        }
        var prices: [Price] = []
        for key in c.keys.sorted() {
            guard let unit = units[key], !prices.contains(where: { $0.unit == unit }) else { continue }
            if let amount = check.price(c[key], field: "cost.\(key)") {
                prices.append(Price(unit, amount, tiers: tiers[unit] ?? []))
            }
        }
        return prices
    }

    /// `tiers[]` entries by size, then `context_over_200k` unless a tier already covers 200k: the newer
    /// `tiers` repeats it, and some providers carry only the older key.
    static func tierSets(_ c: [String: JSONValue], _ check: inout RecordCheck) -> [(Int, [String: JSONValue], String)] {
        var sets: [(Int, [String: JSONValue], String)] = []
        if case .array(let list)? = c["tiers"] {
            for (i, item) in list.enumerated() {
                let t = item.members ?? [:]
                if let size = check.count(t["tier"]?.members?["size"], field: "cost.tiers[\(i)].tier.size") {
                    sets.append((size, t, "cost.tiers[\(i)]"))
                }
            }
        }
        if let over = c["context_over_200k"]?.members, !sets.contains(where: { $0.0 == 200_000 }) {
            sets.append((200_000, over, "cost.context_over_200k"))
        }
        return sets
    }
}
