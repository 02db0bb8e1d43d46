import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VerdictCore

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
    .enabled(if: CrossCheckData.folder != nil, Comment(rawValue: CrossCheckData.absent)))
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
        let raw = try RawJSON(Data(contentsOf: try #require(CrossCheckData.folder).appendingPathComponent("models.dev/api.json")))
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
                    if month.cached > 0 { expected.append("cached_input_tokens \(month.cached) @ \(best.offer.cacheRead ?? best.offer.input)") }
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
            #expect(unpriced == ["anyapi/openai/gpt-4.1-mini", "snowflake-cortex/claude-sonnet-4-5", "anyapi/mistralai/mistral-large-2512"])
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

/// One models.dev record's prices, USD per 1M tokens, as the file writes them.
struct RecordCost {
    var id: String
    var provider: String
    var input: Decimal
    var output: Decimal
    var cacheRead: Decimal?
    /// The record has a long-context price (`tiers` or `context_over_200k`).
    var tiered: Bool
    /// Some base price is above $0.
    var anyPaid: Bool

    init(_ raw: RawJSON, _ cost: Range<Int>, id: String) throws {
        self.id = id
        provider = String(id.prefix { $0 != "/" })
        let members = try raw.members(cost)
        var numbers: [String: Decimal] = [:]
        for m in members where m.key != "tiers" && m.key != "context_over_200k" {
            let text = raw.text(m.value)
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(value)" != "NaN" else {
                throw CrossCheckError("\(id): cost.\(m.key) is not a number: \(text)")
            }
            numbers[m.key] = value
        }
        // Other spellings of the cached price would need their own reading: the chosen records have none.
        let known: Set<String> = ["input", "output", "cache_read", "cache_write", "reasoning", "input_audio"]
        guard Set(numbers.keys).isSubset(of: known), let input = numbers["input"], let output = numbers["output"] else {
            throw CrossCheckError("\(id): unexpected cost keys \(numbers.keys.sorted())")
        }
        (self.input, self.output, cacheRead) = (input, output, numbers["cache_read"])
        tiered = members.contains { $0.key == "tiers" || $0.key == "context_over_200k" }
        anyPaid = numbers.values.contains { $0 > 0 }
    }

    /// USD for the month at the base prices.
    func total(_ month: CostCrossCheckTests.Month) -> Decimal {
        let million = Decimal(1_000_000)
        let uncached = Decimal(month.input - month.cached) * input / million
        let cached = Decimal(month.cached) * (cacheRead ?? input) / million
        return uncached + cached + Decimal(month.output) * output / million
    }
}

struct CrossCheckError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The smallest JSON reader that keeps every value's own text: members of an object as byte
/// ranges of the file, so a price is read from its literal (`0.39999999999999997`), never
/// through a `Double`, and a model's record can be copied into a smaller file unchanged.
struct RawJSON {
    let bytes: [UInt8]
    let root: Range<Int>

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        var i = 0
        Self.skipSpace(bytes, &i)
        let start = i
        let end = try Self.valueEnd(bytes, start)
        root = start..<end
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// `"text"` as a JSON string.
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// The members of the object at `range`, in file order: key, the key's text, the value's range.
    func members(_ range: Range<Int>) throws -> [(key: String, keyText: String, value: Range<Int>)] {
        var i = range.lowerBound
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "{") else { throw CrossCheckError("expected an object at byte \(i)") }
        i += 1
        var out: [(key: String, keyText: String, value: Range<Int>)] = []
        Self.skipSpace(bytes, &i)
        if bytes[i] == UInt8(ascii: "}") { return out }
        while true {
            Self.skipSpace(bytes, &i)
            let keyStart = i
            let keyEnd = try Self.valueEnd(bytes, keyStart)
            guard bytes[keyStart] == UInt8(ascii: "\"") else { throw CrossCheckError("expected a key at byte \(keyStart)") }
            let keyText = text(keyStart..<keyEnd)
            let key = try JSONDecoder().decode(String.self, from: Data(keyText.utf8))
            i = keyEnd
            Self.skipSpace(bytes, &i)
            guard bytes[i] == UInt8(ascii: ":") else { throw CrossCheckError("expected ':' at byte \(i)") }
            i += 1
            Self.skipSpace(bytes, &i)
            let valueStart = i
            i = try Self.valueEnd(bytes, valueStart)
            out.append((key, keyText, valueStart..<i))
            Self.skipSpace(bytes, &i)
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { throw CrossCheckError("expected ',' or '}' at byte \(i)") }
            return out
        }
    }

    static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// Where the value starting at `start` ends (exclusive).
    static func valueEnd(_ b: [UInt8], _ start: Int) throws -> Int {
        var i = start
        guard i < b.count else { throw CrossCheckError("unexpected end of file") }
        switch b[i] {
        case UInt8(ascii: "\""):
            i += 1
            while i < b.count {
                if b[i] == UInt8(ascii: "\\") {
                    i += 2
                } else if b[i] == UInt8(ascii: "\"") {
                    return i + 1
                } else {
                    i += 1
                }
            }
            throw CrossCheckError("unterminated string at byte \(start)")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\""):
                    i = try valueEnd(b, i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw CrossCheckError("unterminated value at byte \(start)")
        default:
            while i < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
            return i
        }
    }
}

/// The public datasets beside the project (`../shared/data/prices/`), found as
/// `VerdictCoreTests/IntakeData` finds them (that target's helper is not visible here).
enum CrossCheckData {
    /// `VERDICT_PRICE_DATA`, or `shared/data/prices` beside an ancestor of this file; nil when absent.
    static let folder: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["VERDICT_PRICE_DATA"], fm.fileExists(atPath: env) {
            return URL(fileURLWithPath: env)
        }
        let file = URL(fileURLWithPath: #filePath)
        for start in [file.resolvingSymlinksInPath(), file] {
            var dir = start.deletingLastPathComponent()
            while dir.path != "/" {
                let candidate = dir.appendingPathComponent("shared/data/prices")
                if fm.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }()

    static let absent = "skipped: ../shared/data/prices is absent (set VERDICT_PRICE_DATA to the folder to run these)"
}
