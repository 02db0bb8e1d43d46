import Foundation
import Testing

@testable import VerdictCore

extension NewsletterTests {
    // MARK: Digest

    @Test func digestBuilderPairsNewToolsAndOrdersSections() {
        // setup
        let standings = [
            standing("alpha", "Alpha", [.builder: .ship, .skeptic: .ship, .futurist: .ship, .buyer: .skip], votes: (3, 17)),
            standing("beta", "Beta", [.builder: .skip, .skeptic: .skip, .futurist: .ship, .buyer: .ship], votes: (12, 8)),
            standing("gamma", "Gamma", [.builder: .ship, .skeptic: .ship, .futurist: .ship, .buyer: .ship], votes: (15, 5)),
            standing("delta", "Delta", [.builder: .ship], votes: (2, 1)),
        ]
        let changes: [(slug: String, persona: Persona, from: String?, to: String)] = [
            ("gamma", .buyer, nil, "ship"),
            ("beta", .builder, "ship", "skip"),
            ("alpha", .skeptic, "ship", "ship"),  // no change: ignored
            ("nope", .builder, nil, "ship"),  // unknown tool: ignored
            ("alpha", .buyer, "ship", "maybe"),  // unknown verdict: ignored
            ("alpha", .builder, nil, "ship"),
        ]
        // MUT
        let d = DigestBuilder.build(
            week: ISOWeek("2026-W48")!, standings: standings, newToolSlugs: ["gamma", "beta"],
            changedTakes: changes, communityBefore: ["alpha": 50, "beta": 50, "gamma": 75, "delta": 0], limit: 5)
        // validate
        #expect(d.newComparisons.map { "\($0.a.slug)-vs-\($0.b.slug)" } == ["alpha-vs-beta", "alpha-vs-gamma"])
        #expect(d.newVerdicts.map { "\($0.tool.slug).\($0.persona.rawValue)" } == ["beta.builder", "alpha.builder", "gamma.buyer"])
        #expect(d.newVerdicts[0].from == .ship && d.newVerdicts[0].to == .skip)
        // Alpha (-35) moved most, then Beta (+10); Gamma did not move, Delta has too few votes.
        #expect(d.movers.map(\.tool.slug) == ["alpha", "beta"])
        #expect(d.movers.map(\.delta) == [-35, 10])
        // Beta vs Gamma splits two personas and is not already a new comparison.
        #expect(d.mostSplit.first.map { "\($0.a.slug)-vs-\($0.b.slug)" } == "beta-vs-gamma")
        #expect(d.mostSplit.first?.split == [.builder, .skeptic])
        #expect(!d.mostSplit.contains { $0.a.slug == "alpha" && $0.b.slug == "beta" })
        #expect(d.newComparisons[0].criticsVsCrowd.contains { $0.hasPrefix("Alpha:") })
        #expect(!d.isEmpty)
    }

    @Test func digestBuilderRespectsLimitsAndIsDeterministic() {
        let standings = (0..<12).map { i in
            standing("tool-\(i)", "Tool \(i)", [.builder: i % 2 == 0 ? .ship : .skip, .buyer: .ship], votes: (10 + i, 10))
        }
        let before = Dictionary(uniqueKeysWithValues: standings.map { ($0.tool.slug, Optional(10)) })
        let build = {
            DigestBuilder.build(
                week: ISOWeek("2026-W48")!, standings: standings.shuffled(), newToolSlugs: Set(standings.map(\.tool.slug)),
                changedTakes: standings.map { ($0.tool.slug, .builder, nil, "ship") }, communityBefore: before, limit: 3)
        }
        let d = build()
        #expect(d.newComparisons.count == 3)
        #expect(d.newVerdicts.count == 12)
        #expect(d.mostSplit.count <= 3)
        #expect(d.movers.count == 3)
        #expect(d == build())
        let empty = DigestBuilder.build(
            week: ISOWeek("2026-W48")!, standings: [], newToolSlugs: [], changedTakes: [], communityBefore: [:])
        #expect(empty.isEmpty)
    }

    @Test func digestMailEscapesHostileNames() {
        var hostile = standing("evil", "<script>alert('x')</script> & \"Co\"", [.builder: .ship], votes: (1, 0))
        hostile.tool.vendor = "<img src=x onerror=alert(1)>"
        let other = standing("fine", "Fine\r\nBcc: victim@example.org", [.builder: .skip])
        let d = DigestBuilder.build(
            week: ISOWeek("2026-W48")!, standings: [hostile, other], newToolSlugs: ["evil"],
            changedTakes: [("evil", .builder, nil, "ship")], communityBefore: [:])
        let links = DigestLinks(
            publicURL: "https://verdict.example/", unsubscribeURL: "https://verdict.example/u?t=a&s=b",
            archiveURL: "https://verdict.example/newsletter/2026-W48")
        let html = DigestMail.html(d, links: links)
        #expect(!html.contains("<script>") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(html.contains("href=\"https://verdict.example/u?t=a&amp;s=b\""))
        #expect(html.contains("https://verdict.example/compare/evil-vs-fine"))
        #expect(html.contains("Weekly AI tool verdicts") && html.contains("Unsubscribe"))
        let text = DigestMail.text(d, links: links)
        #expect(text.contains("Weekly AI tool verdicts") && text.contains("https://verdict.example/u?t=a&s=b"))
        #expect(!text.contains("\r") && !text.split(separator: "\n").contains { $0.hasPrefix("Bcc:") })
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 || $0.contains("https://") })
        let subject = DigestMail.subject(d)
        #expect(subject.hasPrefix("Weekly AI tool verdicts, 2026-W48: "))
    }

    @Test func digestMailRendersAsAMessage() {
        let d = Digest(week: ISOWeek("2026-W48")!)
        let links = DigestLinks(publicURL: "https://v.example", unsubscribeURL: "https://v.example/u", archiveURL: "https://v.example/a")
        var m = newsletterSampleMessage()
        (m.subject, m.textBody, m.htmlBody) = (DigestMail.subject(d), DigestMail.text(d, links: links), DigestMail.html(d, links: links))
        let raw = m.render(boundary: "=_x")
        #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        #expect(raw.contains("Subject: Weekly AI tool verdicts, 2026-W48\r\n"))
        #expect(DigestMail.text(d, links: links).contains("No new comparisons or verdicts this week."))
    }
}

private func standing(
    _ slug: String, _ name: String, _ verdicts: [Persona: Verdict], votes: (Int, Int) = (0, 0)
) -> ToolStanding {
    ToolStanding(
        tool: Tool(slug: slug, name: name, category: "Language Models", description: "A hosted model for text and code.", entry: .free),
        takes: verdicts.map { Fixture.take($0.key, $0.value) },
        community: CommunityScore(ship: votes.0, skip: votes.1))
}
