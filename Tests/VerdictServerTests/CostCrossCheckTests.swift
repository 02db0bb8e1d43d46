import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VerdictCore
import VerdictTestSupport

@testable import VerdictServer

/// Issue #15: ten real models' monthly costs from `GET /api/v1/cost`, checked against an
/// independent computation from the models.dev snapshot in `../shared/data/prices/`.
///
/// Only the chosen records are imported (a filtered copy of `api.json`, provider objects kept as
/// they are), so the test stays quick. The expectation never touches Verdict's readers, parsers
/// or cost code: the prices are the literal number texts of the file, read as `Decimal`, and the
/// rule is restated here — every record of a model is one offer; the month costs
/// `(input − cached) × input + cached × cache_read (or input where none) + output × output`, per
/// 1M tokens; the cheapest offer that prices input and output wins, an all-$0 offer (a free tier)
/// gives way to the cheapest paid one, and a tie goes to the vendor's own API, then the seller id.
///
/// Context tiers (`cost.tiers`, `cost.context_over_200k`): a month's totals do not say how long
/// each prompt is, so a monthly estimate uses the base price and notes the long-context price.
/// The expectation uses the base price too, and the test checks that note wherever the chosen
/// offer carries a tier (gemini-2.5-pro at Google, with half the input cached). The workload's
/// 12,345,678 tokens are a month's total, not one prompt's, so no tier applies to it as such.
@Suite(
    "Cost cross-check: ten real models against an independent computation",
    .enabled(if: SharedPriceData.folder != nil, Comment(rawValue: SharedPriceData.absent)))
struct CostCrossCheckTests {
    /// A model and the records (provider, model id as the file spells it) that sell it.
    struct Pick {
        var vendor: String
        var records: [(provider: String, model: String)]
    }

    /// Ten models from six vendors, each with several sellers chosen so that the rule matters:
    /// hosts cheaper than the vendor (nano-gpt, poe, jiekou), a seller that wins only without a
    /// cache price, ties between the vendor and clouds or hosts, $0 free tiers (github-models),
    /// records without a price (anyapi, snowflake-cortex) and float noise (helicone's
    /// 0.39999999999999997).
    static let picks: [Pick] = [
        Pick(
            vendor: "openai",
            records: [("openai", "gpt-4o"), ("azure", "gpt-4o"), ("openrouter", "openai/gpt-4o"), ("nano-gpt", "openai/gpt-4o")]),
        Pick(
            vendor: "openai",
            records: [
                ("openai", "gpt-4.1-mini"), ("azure", "gpt-4.1-mini"), ("helicone", "gpt-4.1-mini"),
                ("github-models", "openai/gpt-4.1-mini"), ("anyapi", "openai/gpt-4.1-mini"),
            ]),
        Pick(vendor: "openai", records: [("openai", "o3"), ("poe", "openai/o3"), ("jiekou", "o3"), ("openrouter", "openai/o3")]),
        Pick(
            vendor: "anthropic",
            records: [
                ("anthropic", "claude-sonnet-4-5"), ("azure", "claude-sonnet-4-5"),
                ("cloudflare-ai-gateway", "anthropic/claude-sonnet-4-5"), ("nearai", "anthropic/claude-sonnet-4-5"),
                ("venice", "claude-sonnet-4-5"), ("opencode", "claude-sonnet-4-5"), ("snowflake-cortex", "claude-sonnet-4-5"),
            ]),
        Pick(
            vendor: "anthropic",
            records: [
                ("anthropic", "claude-haiku-4-5"), ("cortecs", "claude-haiku-4-5"),
                ("perplexity-agent", "anthropic/claude-haiku-4-5"), ("requesty", "anthropic/claude-haiku-4-5"),
            ]),
        Pick(
            vendor: "google",
            records: [
                ("google", "gemini-2.5-flash"), ("google-vertex", "gemini-2.5-flash"), ("openrouter", "google/gemini-2.5-flash"),
                ("jiekou", "gemini-2.5-flash"),
            ]),
        Pick(
            vendor: "google",
            records: [
                ("google", "gemini-2.5-pro"), ("google-vertex", "gemini-2.5-pro"), ("helicone", "gemini-2.5-pro"),
                ("jiekou", "gemini-2.5-pro"), ("orcarouter", "google/gemini-2.5-pro"),
            ]),
        Pick(
            vendor: "mistral",
            records: [
                ("mistral", "mistral-large-2512"), ("openrouter", "mistralai/mistral-large-2512"), ("cortecs", "mistral-large-2512"),
                ("kilo", "mistralai/mistral-large-2512"), ("302ai", "mistral-large-2512"), ("anyapi", "mistralai/mistral-large-2512"),
            ]),
        Pick(
            vendor: "deepseek",
            records: [
                ("deepseek", "deepseek-chat"), ("orcarouter", "deepseek/deepseek-chat"), ("openrouter", "deepseek/deepseek-chat"),
                ("zenmux", "deepseek/deepseek-chat"), ("302ai", "deepseek-chat"),
            ]),
        Pick(
            vendor: "meta",
            records: [
                ("openrouter", "meta-llama/llama-3.3-70b-instruct"), ("nano-gpt", "meta-llama/llama-3.3-70b-instruct"),
                ("nebius", "meta-llama/Llama-3.3-70B-Instruct"), ("io-net", "meta-llama/Llama-3.3-70B-Instruct"),
                ("cortecs", "llama-3.3-70b-instruct"), ("azure", "llama-3.3-70b-instruct"),
                ("github-models", "meta/llama-3.3-70b-instruct"),
            ]),
    ]

    /// A month: input tokens (cached ones included), output tokens, and the cached share as a
    /// fraction `num/den` (its query text beside it).
    struct Month {
        var input: Int
        var output: Int
        var share: (num: Int, den: Int, text: String)?

        /// Cached tokens: the share of input, rounded down.
        var cached: Int { share.map { input * $0.num / $0.den } ?? 0 }

        var query: String {
            "input_tokens=\(input)&output_tokens=\(output)" + (share.map { "&cached_input_share=\($0.text)" } ?? "")
        }
    }

    static let months = [
        Month(input: 12_345_678, output: 2_345_678, share: nil),
        Month(input: 12_345_678, output: 2_345_678, share: (1, 2, "0.5")),
    ]

    @Test("GET /api/v1/cost matches the cheapest offer computed from the raw models.dev text, for ten models and two months")
    func tenModels() async throws {
        let raw = try RawJSON(Data(contentsOf: try #require(SharedPriceData.folder).appendingPathComponent("models.dev/api.json")))
        let file = try raw.members(raw.root)
        var providers: [String: [(key: String, keyText: String, value: Range<Int>)]] = [:]
        var models: [String: [String: Range<Int>]] = [:]  // provider → model id → the model's text
        for pick in Self.picks {
            for provider in pick.records.map(\.provider) where providers[provider] == nil {
                let range = try #require(file.first { $0.key == provider }?.value, "no provider \(provider) in api.json")
                providers[provider] = try raw.members(range)
                let list = try #require(providers[provider]?.first { $0.key == "models" }?.value)
                models[provider] = Dictionary(try raw.members(list).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
        }

        // The filtered file: each provider object as it is, its `models` cut down to the chosen ones.
        let wanted = Dictionary(grouping: Self.picks.flatMap(\.records), by: \.provider).mapValues { Set($0.map(\.model)) }
        var filtered = "{"
        for (i, provider) in wanted.keys.sorted().enumerated() {
            var members: [String] = []
            for member in providers[provider]! {
                if member.key == "models" {
                    let chosen = try wanted[provider]!.sorted().map { id in
                        let value = try #require(models[provider]?[id], "no model \(provider)/\(id) in api.json")
                        return "\(RawJSON.quoted(id)): \(raw.text(value))"
                    }
                    members.append("\(member.keyText): {\(chosen.joined(separator: ", "))}")
                } else {
                    members.append("\(member.keyText): \(raw.text(member.value))")
                }
            }
            filtered += (i == 0 ? "" : ", ") + "\(RawJSON.quoted(provider)): {\(members.joined(separator: ", "))}"
        }
        filtered += "}"

        // Each record's prices, from the literal number text.
        var offers: [String: RecordCost] = [:]  // "provider/model" → its cost, nil when it has none
        var unpriced: Set<String> = []
        for (provider, model) in Self.picks.flatMap(\.records) {
            let id = "\(provider)/\(model)"
            let record = try raw.members(models[provider]![model]!)
            guard let cost = record.first(where: { $0.key == "cost" })?.value, raw.text(cost) != "null" else {
                unpriced.insert(id)
                continue
            }
            offers[id] = try RecordCost(raw, cost, id: id)
        }

        try await withTestApp(seedDemo: false) { app in
            var pipeline = app.importPipeline
            pipeline.panelBackend = nil
            let result = try await pipeline.run(
                ImportRequest(
                    input: .dataset(Data(filtered.utf8), format: .modelsDev, checkedAt: TestApp.pinned, skipInvalid: true),
                    source: "models.dev/api.json (ten models)", origin: .cli))
            #expect(result.skipped.isEmpty, "records left out: \(result.skipped)")
            #expect(result.dataset?.notModels == 0)

            // Which tool each record became, from the database: one tool per pick, all ten distinct.
            let rows = try await app.db.sql().select().column("record_id").column("tool_id").from("source_records")
                .where("dataset", .equal, SQLBind(PriceDataset.modelsDev.rawValue)).all()
            var toolOf: [String: UUID] = [:]
            for row in rows {
                toolOf[try row.decode(column: "record_id", as: String.self)] = try row.decode(column: "tool_id", as: UUID.self)
            }
            #expect(toolOf.count == Self.picks.flatMap(\.records).count)
            var slugs: [String] = []
            for pick in Self.picks {
                let tools = Set(pick.records.map { toolOf["\($0.provider)/\($0.model)"] })
                #expect(tools.count == 1, "\(pick.records.map { "\($0.provider)/\($0.model)" }) became \(tools.count) tools")
                let id = try #require(tools.first ?? nil, "no tool for \(pick.records[0])")
                slugs.append(try #require(try await ToolModel.find(id: id, on: app.db)).slug)
                // One offer per priced record.
                let offerCount = try await app.db.sql().select().column("id").from("offers").where("tool_id", .equal, SQLBind(id))
                    .all().count
                #expect(offerCount == pick.records.filter { offers["\($0.provider)/\($0.model)"] != nil }.count, "\(slugs.last!)")
            }
            #expect(Set(slugs).count == 10)
            let toolCount = try await ToolModel.query(on: app.db).count()
            #expect(toolCount == 10)

            for month in Self.months {
                let res = try await app.send(.GET, "/api/v1/cost?tools=\(slugs.joined(separator: ","))&\(month.query)")
                #expect(res.status == .ok, "\(res.text)")
                let answers = try #require(res.json["tools"] as? [[String: Any]])
                #expect(answers.map { $0["slug"] as? String } == slugs)
                for (pick, answer) in zip(Self.picks, answers) {
                    let label = "\(answer["slug"] ?? "?") [\(month.query)]"
                    let candidates = pick.records.compactMap { offers["\($0.provider)/\($0.model)"] }
                    let best = try #require(Self.cheapest(candidates, vendor: pick.vendor, month: month), "\(label): nothing prices it")
                    #expect(answer["status"] as? String == "priced", "\(label)")
                    let got = try #require(answer["monthly_cost"] as? String, "\(label): \(answer)")
                    let gotDecimal = try #require(Decimal(string: got, locale: Locale(identifier: "en_US_POSIX")))
                    #expect("\(gotDecimal)" == "\(best.total)", "\(label): API \(got), independent \(best.total) at \(best.offer.id)")
                    let offer = answer["offer"] as? [String: Any]
                    #expect(offer?["seller"] as? String == best.offer.provider, "\(label): \(offer ?? [:]) vs \(best.offer.id)")
                    #expect(offer?["source"] as? String == PriceDataset.modelsDev.rawValue, "\(label)")

                    // The arithmetic, line by line: the quantities of the month and the file's own prices.
                    let lines = (answer["lines"] as? [[String: Any]]) ?? []
                    let shown = lines.map { line in
                        "\(line["unit"] ?? "?") \(line["quantity"] ?? "?") @ \(Decimal(string: "\(line["price"] ?? "")") ?? -1)"
                    }
                    var expected = ["input_tokens \(month.input - month.cached) @ \(best.offer.input)"]
                    if month.cached > 0 {
                        expected.append("cached_input_tokens \(month.cached) @ \(best.offer.cacheRead ?? best.offer.input)")
                    }
                    expected.append("output_tokens \(month.output) @ \(best.offer.output)")
                    #expect(shown == expected, "\(label)")

                    let notes = (answer["notes"] as? [String]) ?? []
                    if best.offer.tiered {
                        #expect(notes.contains { $0.contains("prompts over 200,000 tokens") }, "\(label): \(notes)")
                    }
                    if best.skippedFree {
                        #expect(notes.contains { $0.contains("lists it at $0") }, "\(label): \(notes)")
                    }
                }
            }
            // Records without a price stay offerless; they did become part of their tool.
            #expect(
                unpriced == ["anyapi/openai/gpt-4.1-mini", "snowflake-cortex/claude-sonnet-4-5", "anyapi/mistralai/mistral-large-2512"])
        }
    }

    /// The cheapest offer pricing the month: all-$0 offers give way to paid ones; ties go to the
    /// vendor's own API, then the seller id.
    static func cheapest(_ offers: [RecordCost], vendor: String, month: Month) -> (offer: RecordCost, total: Decimal, skippedFree: Bool)? {
        let priced = offers.map { ($0, $0.total(month)) }
        func best(_ list: [(RecordCost, Decimal)]) -> (RecordCost, Decimal)? {
            list.min { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                let ka = (a.0.provider == vendor ? 0 : 1, a.0.provider)
                let kb = (b.0.provider == vendor ? 0 : 1, b.0.provider)
                return ka < kb
            }
        }
        guard let first = best(priced) else { return nil }
        if first.1 == 0, let paid = best(priced.filter { $0.0.anyPaid }) { return (paid.0, paid.1, true) }
        return (first.0, first.1, false)
    }
}
