import Foundation

/// The tool data a model is shown, as one canonical string the server hashes into `facts_hash`.
///
/// It holds the facts and the vendor's free text (name, vendor, category, tagline, description,
/// entry tier, homepage) with hidden characters stripped and fence-like brackets neutralised:
/// exactly the data inside the prompt's fence, without the fence and the line marks. Slug and
/// source URL are identity and provenance, not data the model judges, so they are left out.
public enum FactsDigest {
    /// The top-level keys of the data besides `facts`; a take may cite these in `relied_on`.
    public static let toolFieldKeys = ["category", "claim_checks", "description", "entry", "homepage", "name", "tagline", "vendor"]

    /// Sorted keys, two-space indent, one member per line; no raw line breaks inside strings.
    public static func canonicalJSON(_ tool: Tool) -> String {
        value(tool).canonicalText()
    }

    static func value(_ tool: Tool) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(tool.name),
            "category": .string(tool.category),
            "description": .string(tool.description),
            "entry": .string(tool.entry.rawValue),
            "facts": JSONValue(encoding: tool.facts),
        ]
        // An undeclared field is left out, and the prompt says absent means unknown.
        if let vendor = tool.vendor { members["vendor"] = .string(vendor) }
        if let tagline = tool.tagline { members["tagline"] = .string(tagline) }
        if let homepage = tool.homepage { members["homepage"] = .string(homepage) }
        // The editors' checks of the claims: absent while every claim is unverified, so a tool
        // nobody checked hashes as it did before the ledger existed.
        let checked = tool.ledger.checked
        if !checked.isEmpty { members["claim_checks"] = JSONValue(encoding: checked) }
        return JSONValue.object(members).mapStrings { ToolDataFence.neutralised(TextCleaning.clean($0)) }
    }
}
