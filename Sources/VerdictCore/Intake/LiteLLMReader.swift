import Foundation

/// Reads LiteLLM `model_prices_and_context_window.json`: one object keyed by model id, USD **per token**.
///
/// `sample_spec` documents the fields and is skipped; entries with only `alias_of` are listed in
/// `SourceRead.aliases`. Each serving variant (`*_batches`, `*_flex`, `*_priority`) becomes an offer.
public enum LiteLLMReader {
    public static func read(_ data: Data, checkedAt: Date) throws(ImportFailure) -> SourceRead {
        let source = PriceDataset.litellm.rawValue
        guard let entries = try CatalogImport.parseJSON(data, source: source).members else {
            throw ImportFailure(source: source, problems: [ImportProblem("file", "expected a mapping of model ids")])
        }
        var read = SourceRead(dataset: .litellm, records: [], problems: [])
        for id in entries.keys.sorted() where id != "sample_spec" {
            var check = RecordCheck(.litellm, id)
            guard let entry = entries[id]?.members else {
                check.report("", "expected a mapping, got \(entries[id]?.kind ?? "nothing")")
                read.problems += check.problems
                continue
            }
            if let target = entry["alias_of"]?.text, entry["litellm_provider"] == nil {
                read.aliases[id] = target
                continue
            }
            let model = record(entry, id: id, checkedAt: checkedAt, &check)
            if check.problems.isEmpty { read.records.append(model) }
            read.problems += check.problems
        }
        return read
    }

    static func record(_ e: [String: JSONValue], id: String, checkedAt: Date, _ check: inout RecordCheck) -> SourceModel {
        let provider = e["litellm_provider"]?.text ?? id.split(separator: "/").first.map(String.init) ?? id
        let key = ToolKey.match(id, provider: provider)
        let mode = e["mode"]?.text
        let category = ModelCategory.from(litellmMode: mode)
        let deprecation = check.date(e["deprecation_date"], field: "deprecation_date")
        let retired = deprecation.flatMap(RecordCheck.day).map { $0 <= checkedAt } ?? false
        let seller = ToolKey.seller(provider)
        let base = Offer(
            seller: seller, sellerKind: ToolKey.sellerKind(seller: seller, vendor: key.vendor), offerID: id,
            sourceURL: e["source"]?.text, prices: [], checkedAt: checkedAt)
        let prices = self.prices(e, mode: mode, &check)
        let offers = OfferVariant.allCases.compactMap { variant -> Offer? in
            guard let list = prices[variant], !list.isEmpty else { return nil }
            var offer = base
            offer.variant = variant
            offer.prices = list.sorted { $0.unit < $1.unit }
            return offer
        }
        return SourceModel(
            // LiteLLM has no display names: the model's own segment of the id ("RedPajama-INCITE-7B-Chat",
            // not "togethercomputer/RedPajama-INCITE-7B-Chat"); the record id keeps the rest.
            dataset: .litellm, recordID: id, toolKey: key, name: id.split(separator: "/").last.map(String.init) ?? id, category: category,
            contextWindow: check.contextWindow(e["max_input_tokens"], field: "max_input_tokens", category: category),
            maxOutput: check.count(e["max_output_tokens"], field: "max_output_tokens").flatMap { $0 > 0 ? $0 : nil },
            inputModalities: RecordCheck.strings(e["supported_modalities"]),
            outputModalities: RecordCheck.strings(e["supported_output_modalities"]),
            status: retired ? .deprecated : nil, deprecationDate: deprecation, offers: offers)
    }
}
