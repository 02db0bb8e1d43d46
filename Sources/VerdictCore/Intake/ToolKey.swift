import Foundation

/// Which tool a dataset record belongs to: the model's vendor and its canonical model id.
///
/// The matching rule — exact, in this order, never fuzzy:
/// 1. The seller is the record's provider (models.dev and genai-prices provider id, LiteLLM
///    `litellm_provider`), lowercased with `_` as `-`, then renamed by `sellerAliases`
///    (`gemini` → `google`, `bedrock_converse` → `amazon-bedrock`, `azure_ai` → `azure`).
/// 2. The model id is lowercased and split on `/`. Leading segments that route rather than name are
///    dropped: the provider's own prefix (`azure/`, `gemini/`, `vertex_ai/` for `vertex_ai-*`
///    providers), Bedrock regions and modes (`us-gov-east-1/`, `invoke/`), LiteLLM's image-size
///    prefixes (`1024-x-1024/`, `50-steps/`) and Fireworks' `accounts/<org>/models/`.
/// 3. Vertex's `@YYYYMMDD` becomes `-YYYYMMDD` (`claude-3-5-haiku@20241022`) and `@default` is dropped.
/// 4. `owner/name` (Hugging Face style): the vendor is the owner renamed by `ownerAliases`
///    (`meta-llama` → `meta`, `mistralai` → `mistral`, `qwen` → `alibaba`) or the owner as given;
///    the model is the rest.
/// 5. `[region.]vendor.name` (Bedrock): the vendor is the dotted owner when `ownerAliases` knows it;
///    Anthropic's Bedrock revision suffix (`-v1:0`, `-v2`) is dropped, as Anthropic's own ids have none.
/// 6. A bare name: the vendor is the first `familyStems` entry the name starts with, followed by
///    the end, `-`, `.` or a digit (`gpt-4o` → openai, `claude-…` → anthropic, `llama3.1-8b` → meta);
///    with no stem, the seller itself (a host's own model, or a vendor selling its own).
///
/// Nothing else is normalised: dates, `-latest`, `:free` and spellings (`llama-3.1` vs `llama3-1`)
/// stay distinct tools until an editor merges them. So `gpt-4o` at openai, `openai/gpt-4o` at
/// openrouter and `azure/gpt-4o` at azure are one tool, `openai/gpt-4o`, with three offers.
public struct ToolKey: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var vendor: String
    public var model: String

    public init(vendor: String, model: String) {
        self.vendor = vendor
        self.model = model
    }

    public var description: String { "\(vendor)/\(model)" }

    public static func < (a: ToolKey, b: ToolKey) -> Bool { a.description < b.description }

    /// The tool a record with model id `id` from `provider` belongs to (rules 2–6).
    public static func match(_ id: String, provider: String) -> ToolKey {
        let seller = seller(provider)
        var segments = id.lowercased().split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        dropRouting(&segments, provider: provider.lowercased(), seller: seller)
        guard var name = segments.last else { return ToolKey(vendor: seller, model: id.lowercased()) }
        name = vertexDate(name)
        if segments.count > 1 {
            let owner = segments[0]
            let rest = (segments.dropFirst().dropLast() + [name]).joined(separator: "/")
            return ToolKey(vendor: ownerAliases[owner] ?? owner, model: rest)
        }
        if let bedrock = bedrockKey(name) { return bedrock }
        return ToolKey(vendor: familyVendor(name) ?? seller, model: name)
    }

    /// The canonical slug of a seller (rule 1).
    public static func seller(_ provider: String) -> String {
        let slug = provider.lowercased().replacingOccurrences(of: "_", with: "-")
        if slug.hasPrefix("vertex-ai") { return "google-vertex" }
        return sellerAliases[slug] ?? slug
    }

    /// Whether a seller is the model's vendor, a cloud, or an inference host.
    public static func sellerKind(seller: String, vendor: String) -> SellerKind {
        if seller == vendor { return .vendorAPI }
        return cloudSellers.contains(seller) ? .cloud : .inferenceHost
    }

    static func dropRouting(_ segments: inout [String], provider: String, seller: String) {
        if segments.count > 1 {
            let first = segments[0]
            let ownPrefix =
                first == provider || first == seller || Self.seller(first) == seller || provider.hasPrefix(first + "-")
                || provider.hasPrefix(first + "_")
            if ownPrefix { segments.removeFirst() }
        }
        while segments.count > 1, isRoutingSegment(segments[0]) { segments.removeFirst() }
        if segments.count > 3, segments[0] == "accounts", segments[2] == "models" { segments.removeFirst(3) }
    }

    /// Segments that say where or how a model is served, not which model: regions, Bedrock modes,
    /// LiteLLM's image quality and size prefixes.
    static func isRoutingSegment(_ s: String) -> Bool {
        if routingWords.contains(s) { return true }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        let digits = { (p: Substring) in !p.isEmpty && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber) }
        if parts.count == 3, digits(parts[0]), parts[1] == "x", digits(parts[2]) { return true }  // 1024-x-1024
        if parts.count == 2, parts[1] == "steps", digits(parts[0]) || parts[0] == "max" { return true }  // 50-steps
        // AWS regions: us-east-1, us-gov-west-1, ap-southeast-2
        guard parts.count == 3 || parts.count == 4, parts[0].count == 2, digits(parts[parts.count - 1]) else { return false }
        return parts.count == 3 || parts[1] == "gov"
    }

    static let routingWords: Set<String> = ["invoke", "converse", "us", "eu", "global", "low", "medium", "high", "hd", "standard"]

    static let bedrockRegions: Set<String> = ["us", "eu", "apac", "global", "au", "jp", "ca", "us-gov"]

    /// `name@20241022` → `name-20241022`; `name@default` → `name`.
    static func vertexDate(_ name: String) -> String {
        guard let at = name.lastIndex(of: "@") else { return name }
        let head = name[..<at]
        let tail = name[name.index(after: at)...]
        if tail == "default" { return String(head) }
        if tail.count == 8, tail.allSatisfy(\.isNumber) { return "\(head)-\(tail)" }
        return name
    }

    /// `[region.]vendor.name` when the vendor is a known owner.
    static func bedrockKey(_ name: String) -> ToolKey? {
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 2, bedrockRegions.contains(parts[0]), ownerAliases[parts[1]] != nil { parts.removeFirst() }
        guard parts.count > 1, let vendor = ownerAliases[parts[0]] else { return nil }
        var model = parts.dropFirst().joined(separator: ".")
        if vendor == "anthropic", let v = model.range(of: "-v", options: .backwards) {
            let revision = model[v.upperBound...].split(separator: ":", omittingEmptySubsequences: false)
            if revision.count <= 2, revision.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
                model = String(model[..<v.lowerBound])
            }
        }
        return ToolKey(vendor: vendor, model: model)
    }

    static func familyVendor(_ name: String) -> String? {
        for (stem, vendor) in familyStems where name.hasPrefix(stem) {
            guard let next = name.dropFirst(stem.count).first else { return vendor }
            if next == "-" || next == "." || next.isNumber { return vendor }
        }
        return nil
    }
}
