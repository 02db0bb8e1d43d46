import Foundation

/// Two or more datasets saying different things about the same fact of one tool: a price of the
/// same offer (same seller, variant and hours), or the context window or maximum output a seller
/// serves. The tool page shows them; the desk lists them for an editor.
public struct SourceDisagreement: Sendable, Hashable {
    /// What the datasets disagree on, in words: "openai, standard: per 1M input tokens".
    public var subject: String
    /// Each dataset's value as shown ("$2.50", "128,000 tokens"), in `PriceDataset` order.
    public var values: [Value]

    public struct Value: Sendable, Hashable {
        public var dataset: PriceDataset
        public var text: String
    }

    /// "openai, standard: per 1M input tokens — models.dev $2.50, litellm $2.00".
    public var line: String {
        subject + " — " + values.map { "\($0.dataset.rawValue) \($0.text)" }.joined(separator: ", ")
    }

    /// Every disagreement among the current records of one tool (records of removed entries left
    /// out by the caller). Records of one dataset never disagree with each other: they are
    /// different sellers or the same record.
    public static func find(_ records: [SourceModel]) -> [SourceDisagreement] {
        var found: [SourceDisagreement] = []
        // Prices: per offer key and unit, the base amount each dataset gives.
        var amounts: [String: [PriceDataset: Decimal]] = [:]
        var subjects: [String: String] = [:]
        for record in records {
            for offer in record.offers {
                for price in offer.prices {
                    let key = "\(offer.key)|\(price.unit.rawValue)"
                    amounts[key, default: [:]][record.dataset] = price.amount
                    subjects[key] = "\(offer.sellerName ?? offer.seller), \(offer.variant.rawValue): \(price.unit.displayName)"
                }
            }
        }
        for (key, byDataset) in amounts where Set(byDataset.values).count > 1 {
            found.append(
                SourceDisagreement(
                    subject: subjects[key] ?? key,
                    values: byDataset.sorted { order($0.key) < order($1.key) }.map {
                        Value(dataset: $0.key, text: DatasetCatalog.usd($0.value))
                    }))
        }
        // Limits: per seller, what each dataset says it serves.
        for (name, path) in [("context window", \SourceModel.contextWindow), ("maximum output", \SourceModel.maxOutput)] {
            var bySeller: [String: [PriceDataset: Int]] = [:]
            for record in records {
                guard let seller = record.offers.first?.seller, let value = record[keyPath: path], value > 0 else { continue }
                bySeller[seller, default: [:]][record.dataset] = value
            }
            for (seller, byDataset) in bySeller where Set(byDataset.values).count > 1 {
                found.append(
                    SourceDisagreement(
                        subject: "\(seller): \(name)",
                        values: byDataset.sorted { order($0.key) < order($1.key) }.map {
                            Value(
                                dataset: $0.key,
                                text: "\($0.value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) tokens")
                        }))
            }
        }
        return found.sorted { $0.subject < $1.subject }
    }

    private static func order(_ dataset: PriceDataset) -> Int {
        PriceDataset.allCases.firstIndex(of: dataset) ?? 0
    }
}
