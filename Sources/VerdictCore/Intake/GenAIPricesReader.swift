import Foundation

/// Reads genai-prices `data.json` (v2): a list of providers `{id, name, pricing_urls, models[]}`.
///
/// A model's `prices` is one price set, or a list of `{constraint, prices}`: each entry becomes an
/// offer, dated by `constraint.start_date` (o3: $10/$40, then $2/$8 from 2025-06-10) or limited to
/// the UTC hours of `start_time`/`end_time`. The caller keeps them all as the price history.
public enum GenAIPricesReader {
    /// Price set keys → our unit; `_mtok` is USD per 1M tokens, `_kcount` USD per 1,000.
    static let units: [String: PricedUnit] = [
        "input_mtok": .inputTokens, "output_mtok": .outputTokens, "cache_read_mtok": .cachedInputTokens,
        "cache_write_mtok": .cacheWriteTokens, "output_reasoning_mtok": .reasoningTokens,
        "input_audio_mtok": .inputAudioTokens, "output_audio_mtok": .outputAudioTokens, "requests_kcount": .request,
    ]

    public static func read(_ data: Data, checkedAt: Date) throws(ImportFailure) -> SourceRead {
        let source = PriceDataset.genaiPrices.rawValue
        guard case .array(let providers) = try CatalogImport.parseJSON(data, source: source) else {
            throw ImportFailure(source: source, problems: [ImportProblem("file", "expected a list of providers")])
        }
        var read = SourceRead(dataset: .genaiPrices, records: [], problems: [])
        for (index, value) in providers.enumerated() {
            let provider = value.members ?? [:]
            let providerID = provider["id"]?.text ?? "providers[\(index)]"
            guard case .array(let models)? = provider["models"] else {
                var check = RecordCheck(.genaiPrices, providerID)
                check.report("models", "expected a list of models")
                read.problems += check.problems
                continue
            }
            for (i, item) in models.enumerated() {
                let modelID = item.members?["id"]?.text ?? "models[\(i)]"
                var check = RecordCheck(.genaiPrices, "\(providerID)/\(modelID)")
                let model = record(item, id: modelID, provider: provider, providerID: providerID, checkedAt: checkedAt, &check)
                if check.problems.isEmpty, let model { read.records.append(model) }
                read.problems += check.problems
            }
        }
        return read
    }

    static func record(
        _ value: JSONValue, id: String, provider: [String: JSONValue], providerID: String, checkedAt: Date,
        _ check: inout RecordCheck
    ) -> SourceModel? {
        guard let m = value.members else {
            check.report("", "expected a mapping, got \(value.kind)")
            return nil
        }
        let key = ToolKey.match(id, provider: providerID)
        // genai-prices states no modalities: embedding models are told apart by name only.
        let category: ModelCategory = id.lowercased().contains("embed") ? .embeddings : .language
        let seller = ToolKey.seller(providerID)
        let base = Offer(
            seller: seller, sellerName: provider["name"]?.text, sellerKind: ToolKey.sellerKind(seller: seller, vendor: key.vendor),
            offerID: check.recordID, sourceURL: RecordCheck.strings(provider["pricing_urls"]).first, prices: [],
            checkedAt: checkedAt)
        return SourceModel(
            dataset: .genaiPrices, recordID: check.recordID, toolKey: key, name: m["name"]?.text ?? id, category: category,
            contextWindow: check.contextWindow(m["context_window"], field: "context_window", category: category),
            status: m["deprecated"] == .bool(true) ? .deprecated : nil, offers: offers(m["prices"], base: base, &check))
    }

    /// One offer per price entry, in the file's order.
    static func offers(_ value: JSONValue?, base: Offer, _ check: inout RecordCheck) -> [Offer] {
        switch value {
        case .object(let set)?:
            return [offer(base, prices: prices(set, path: "prices", &check))]
        case .array(let entries)?:
            var offers: [Offer] = []
            for (i, entry) in entries.enumerated() {
                let path = "prices[\(i)]"
                guard let e = entry.members, let set = e["prices"]?.members else {
                    check.report(path, "expected {constraint, prices}, got \(entry.kind)")
                    continue
                }
                var offer = offer(base, prices: prices(set, path: "\(path).prices", &check))
                let constraint = e["constraint"]?.members ?? [:]
                if let start = constraint["start_date"] {
                    if let text = start.text, let day = RecordCheck.day(text) {
                        offer.effectiveFrom = day
                    } else {
                        check.report("\(path).constraint.start_date", "expected a date YYYY-MM-DD, got \(start.canonicalText())")
                    }
                }
                if let from = constraint["start_time"]?.text, let to = constraint["end_time"]?.text {
                    offer.hoursUTC = "\(from)-\(to)"
                }
                offers.append(offer)
            }
            return offers
        default:
            check.report("prices", "expected a price set or a list of {constraint, prices}, got \(value?.kind ?? "nothing")")
            return []
        }
    }

    static func offer(_ base: Offer, prices: [Price]) -> Offer {
        var offer = base
        offer.prices = prices.sorted { $0.unit < $1.unit }
        return offer
    }

    /// A price set; any price may be tiered, `{base, tiers: [{start, price}]}`.
    static func prices(_ set: [String: JSONValue], path: String, _ check: inout RecordCheck) -> [Price] {
        var prices: [Price] = []
        for key in set.keys.sorted() {
            guard let unit = units[key] else { continue }
            let field = "\(path).\(key)"
            let perThousand = key.hasSuffix("_kcount")
            func scaled(_ d: Decimal) -> Decimal { perThousand ? UnitConversion.perUnit(fromPerThousand: d) : d }
            if let tiered = set[key]?.members {
                guard let base = check.price(tiered["base"], field: "\(field).base") else {
                    if tiered["base"] ?? .null == .null { check.report("\(field).base", "a tiered price needs a base") }
                    continue
                }
                var tiers: [PriceTier] = []
                if case .array(let list)? = tiered["tiers"] {
                    for (i, t) in list.enumerated() {
                        let tier = t.members ?? [:]
                        let start = check.count(tier["start"], field: "\(field).tiers[\(i)].start")
                        let amount = check.price(tier["price"], field: "\(field).tiers[\(i)].price")
                        if let start, let amount { tiers.append(PriceTier(aboveTokens: start, amount: scaled(amount))) }
                    }
                }
                prices.append(Price(unit, scaled(base), tiers: tiers))
            } else if let amount = check.price(set[key], field: field) {
                prices.append(Price(unit, scaled(amount)))
            }
        }
        return prices
    }
}
