import Foundation
import Plot
import VerdictCore

/// Building blocks shared by the pages. Catalog, take and reader text only ever reaches the
/// page through `.text` (escaped by Plot) or `HTMLEscaping` (attributes), never `.raw`.
enum Components {
    enum Heading { case h1, h2, h3, h4 }

    static func heading(_ level: Heading, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        switch level {
        case .h1: .h1(.group(nodes))
        case .h2: .h2(.group(nodes))
        case .h3: .h3(.group(nodes))
        case .h4: .h4(.group(nodes))
        }
    }

    /// Previous and next links and "Page n of m" under a list longer than one page.
    static func pager(_ paging: Paging, label: String, href: (Int) -> String) -> Node<HTML.BodyContext> {
        guard paging.pageCount > 1 else { return .empty }
        return .nav(
            .class("pager"),
            .attribute(named: "aria-label", value: label),
            .if(paging.page > 1, .a(.href(href(paging.page - 1)), .attribute(named: "rel", value: "prev"), .text("← Previous"))),
            .span(.class("pager-status"), .text(" Page \(paging.page) of \(paging.pageCount) ")),
            .if(paging.hasNext, .a(.href(href(paging.page + 1)), .attribute(named: "rel", value: "next"), .text("Next →")))
        )
    }

    // MARK: Verdicts and takes

    /// "✓ Ship" / "✕ Skip" as text and colour, a subtle "narrow" when the call is close, and
    /// where the take came from.
    static func verdictBadge(
        _ verdict: Verdict, conviction: Conviction = .clear, source: TakeSource? = nil
    ) -> Node<HTML.BodyContext> {
        .span(
            .class("verdict"),
            .span(
                .class("badge badge-\(verdict.rawValue)"),
                .span(
                    .class("badge-icon"), .attribute(named: "aria-hidden", value: "true"),
                    .text(verdict == .ship ? "✓" : "✕")),
                .text(label(verdict))
            ),
            .if(
                conviction == .narrow,
                .span(.class("conviction"), .title("A close call"), .text("narrow"))),
            .unwrap(source) {
                .span(.class("source"), .title(sourceHint($0)), .text($0.rawValue))
            }
        )
    }

    static func verdictBadge(_ take: Take) -> Node<HTML.BodyContext> {
        verdictBadge(take.verdict, conviction: take.conviction, source: take.source)
    }

    /// One persona's take: who is speaking, the verdict, the text and what would flip it, and
    /// for a model-written take who wrote it; or the persona's abstention.
    static func takeBlock(
        _ take: Take?, abstention: Abstention? = nil, persona: Persona, heading level: Heading = .h3
    ) -> Node<HTML.BodyContext> {
        .article(
            .class("take take-\(takeKind(take, abstention))"),
            .div(
                .class("take-head"),
                .div(
                    heading(level, .class("take-persona"), .a(.href(SiteURL.persona(persona)), .text(persona.displayName))),
                    .p(.class("take-role"), .text(persona.role))
                ),
                takeBadge(take, abstention)
            ),
            takeBody(take, abstention: abstention)
        )
    }

    /// "ship", "skip", "abstain" or "none", for the take's class.
    static func takeKind(_ take: Take?, _ abstention: Abstention?) -> String {
        take?.verdict.rawValue ?? (abstention == nil ? "none" : "abstain")
    }

    static func takeBadge(_ take: Take?, _ abstention: Abstention?) -> Node<HTML.BodyContext> {
        if let take { return verdictBadge(take) }
        return abstention == nil ? .empty : abstainedBadge()
    }

    /// The text, flip condition and provenance of a take, the abstention, or "No take yet".
    static func takeBody(_ take: Take?, abstention: Abstention? = nil) -> Node<HTML.BodyContext> {
        guard let take else {
            return abstention.map(abstentionBody) ?? .p(.class("take-empty"), .text("No take yet."))
        }
        return .group(
            .forEach(paragraphs(take.text)) { .p(.class("take-text"), .text($0)) },
            .unwrap(take.flip.map(flipText)) {
                .p(.class("take-flip"), .strong(.text("Flips: ")), .text($0))
            },
            .unwrap(take.source == .llm ? take.provenance : nil, provenance),
            .unwrap(take.provenance?.originalText) { original in
                // An editor changed the model's words before publishing: say so, keep the original.
                .details(
                    .class("take-edited"),
                    .summary(.text("Edited by the editors")),
                    .p(.class("muted"), .text("The model's original words:")),
                    .blockquote(.text(original)))
            }
        )
    }

    static func label(_ verdict: Verdict) -> String {
        verdict == .ship ? "Ship" : "Skip"
    }

    static func sourceHint(_ source: TakeSource) -> String {
        switch source {
        case .rubric: "Written by the built-in offline reviewer from the tool's declared facts"
        case .editorial: "Written or imported by a person"
        case .llm: "Written by a language model"
        }
    }

    // MARK: Status lines

    /// Confirms an action (e.g. a vote), announced to screen readers.
    static func notice(_ text: String?) -> Node<HTML.BodyContext> {
        .unwrap(text) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) }
    }

    static func demoNotice(toolCount: Int? = nil) -> Node<HTML.BodyContext> {
        let count = toolCount.map { " of \($0) \($0 == 1 ? "tool" : "tools")" } ?? ""
        return .p(
            .class("demo-notice"),
            .strong(.text("Demo catalog\(count). ")),
            .text("Facts are as of the vendors' public pages; verify them before relying on them.")
        )
    }

    // MARK: Text helpers

    /// Stored take text keeps its paragraph breaks; blank lines separate paragraphs.
    /// Splits on UTF-8 bytes: Foundation's `components(separatedBy:)` walks Characters and was
    /// the most expensive step of rendering a comparison (bench/README.md).
    static func paragraphs(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var out: [String] = []
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var lo = start
            var hi = end
            while lo < hi, isSpace(bytes[lo]) { lo += 1 }
            while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
            if lo < hi { out.append(String(decoding: bytes[lo..<hi], as: UTF8.self)) }
        }
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A, bytes[i + 1] == 0x0A {
                flush(i)
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        flush(bytes.count)
        return out
    }

    /// ASCII space, tab, line feed, carriage return: the whitespace paragraphs are trimmed of.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// "flips to ship once pricing is published" reads as "Flips: to ship once …".
    static func flipText(_ flip: String) -> String {
        let trimmed = flip.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.lowercased().hasPrefix("flips ") else { return trimmed }
        return String(trimmed.dropFirst("flips ".count))
    }

    /// Cuts at a word boundary and adds "…" when `text` is longer than `limit` characters.
    static func truncated(_ text: String, limit: Int) -> String {
        // Longer than `limit` characters, counted no further than needed.
        guard let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), limitIndex < text.endIndex
        else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(where: \.isWhitespace) ?? cut.endIndex
        return cut[..<end].trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
