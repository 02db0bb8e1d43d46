import Foundation

extension FieldReader {
    /// Reads one tool entry; nil when a required field is missing or invalid.
    mutating func tool() -> Tool? {
        rejectUnknownKeys(allowed: ImportReader.toolKeys)
        let slug = text("slug", required: true, max: 80)
        if let slug, !Slug.isValidToolSlug(slug) {
            report(
                "slug",
                slug.contains("-vs-")
                    ? "must not contain \"-vs-\" (it separates the two tools in /compare/{a}-vs-{b}); got \"\(slug)\""
                    : "expected lowercase letters, digits and single hyphens, like \"gemini-2-5-flash\"; got \"\(slug)\"")
        }
        let name = text("name", required: true, max: 120)
        let vendor = text("vendor", max: 120)
        let category = text("category", required: true, max: 60)
        if let category, Slug.make(category).isEmpty {
            report("category", "needs at least one letter or digit; got \"\(category)\"")
        }
        let tagline = text("tagline", max: 200)
        let description = text("description", required: true, max: 5000)
        let entry = oneOf("entry", EntryTier.self, required: true)
        let homepage = url("homepage")
        let sourceURL = url("source_url")
        let facts = self.facts()
        let listing = oneOf("listing", Listing.self)
        guard problems.isEmpty, let slug, let name, let category, let description, let entry, let facts
        else { return nil }
        return Tool(
            slug: slug, name: TextCleaning.clean(name), vendor: vendor.map(TextCleaning.clean),
            category: TextCleaning.clean(category), tagline: tagline.map(TextCleaning.clean),
            description: TextCleaning.clean(description), entry: entry, homepage: homepage,
            sourceURL: sourceURL, facts: facts, listing: listing)
    }

    /// Reads one take entry; the tool must be in this file or already stored.
    mutating func take(slugs: Set<String>) -> ImportedTake? {
        rejectUnknownKeys(allowed: ImportReader.takeKeys)
        let tool = text("tool", required: true, max: 80)
        if let tool, !slugs.contains(tool) {
            report("tool", "no tool with slug \"\(tool)\" in this file or in the catalog")
        }
        let persona = oneOf("persona", Persona.self, required: true)
        let verdict = oneOf("verdict", Verdict.self, required: true)
        let conviction = oneOf("conviction", Conviction.self) ?? .clear
        let flip = text("flip", max: 300)
        let body = text("text", required: true, max: 4000)
        guard problems.isEmpty, let tool, let persona, let verdict, let body else { return nil }
        let take = Take(
            persona: persona, verdict: verdict, conviction: conviction,
            flip: flip.map(TextCleaning.clean), text: TextCleaning.clean(body), source: .editorial)
        return ImportedTake(toolSlug: tool, take: take)
    }
}
