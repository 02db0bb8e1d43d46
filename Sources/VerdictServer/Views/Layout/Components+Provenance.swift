import Foundation
import Plot
import VerdictCore

extension Components {
    // MARK: Abstentions

    /// "– Abstained": neutral, so it never reads as ship or skip.
    static func abstainedBadge(showSource: Bool = true) -> Node<HTML.BodyContext> {
        .span(
            .class("verdict"),
            .span(
                .class("badge badge-abstain"),
                .span(.class("badge-icon"), .attribute(named: "aria-hidden", value: "true"), .text("–")),
                .text("Abstained")
            ),
            .if(showSource, .span(.class("source"), .title(sourceHint(.llm)), .text(TakeSource.llm.rawValue)))
        )
    }

    /// Why the persona abstained, which model was asked, and that it is left out of panel ship.
    static func abstentionBody(_ abstention: Abstention) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("take-abstain-reason"), .strong(.text("Reason: ")), .text(abstention.reason)),
            .p(.class("take-abstain-note"), .text("Not counted in panel ship.")),
            .unwrap(abstention.provenance) { provenanceLine($0, lead: "Asked") }
        )
    }

    // MARK: Provenance

    /// Who wrote a model-written take and what it cost, then what it says it relied on.
    static func provenance(_ p: TakeProvenance) -> Node<HTML.BodyContext> {
        .group(
            provenanceLine(p, lead: "Written by"),
            .if(
                !p.reliedOn.isEmpty,
                .p(.class("take-relied"), .strong(.text("Relied on: ")), .text(p.reliedOn.joined(separator: ", "))))
        )
    }

    /// "Written by m via b · prompt v · facts 1a2b3c4d · 1,000 in (600 cached) / 200 out tokens ·
    /// $0.0014 · 812 ms". Parts the backend did not report are left out rather than shown as 0.
    static func provenanceLine(_ p: TakeProvenance, lead: String) -> Node<HTML.BodyContext> {
        var parts: [Node<HTML.BodyContext>] = [
            .span(
                .text("\(lead) "), .strong(.class("take-model"), .text(p.model ?? "a model")),
                .unwrap(p.backend) { .text(" via \($0)") })
        ]
        if let version = p.promptVersion { parts.append(.span(.text("prompt "), .code(.text(version)))) }
        if let hash = p.factsHash {
            parts.append(
                .span(
                    .text("facts "),
                    .code(
                        .title(HTMLEscaping.attribute("SHA-256 of the tool data the model saw: \(hash)")),
                        .text(String(hash.prefix(8))))))
        }
        if p.promptTokens + p.cachedTokens + p.completionTokens > 0 { parts.append(.span(.text(tokens(p)))) }
        if let cost = p.costUSD { parts.append(.span(.text(usd(cost)))) }
        if let latency = p.latencyMS { parts.append(.span(.text("\(grouped(latency)) ms"))) }
        return .p(.class("take-provenance"), .group(separated(parts)))
    }

    /// "1,000 in (600 cached) / 200 out tokens".
    static func tokens(_ p: TakeProvenance) -> String {
        "\(grouped(p.promptTokens)) in (\(grouped(p.cachedTokens)) cached) / \(grouped(p.completionTokens)) out tokens"
    }

    /// Four decimals: a take costs a fraction of a cent.
    static func usd(_ v: Double) -> String { "$" + String(format: "%.4f", v) }

    static func grouped(_ n: Int) -> String { ToolShow.FactRow.grouped(n) }

    /// The nodes with " · " between them.
    static func separated(_ nodes: [Node<HTML.BodyContext>]) -> [Node<HTML.BodyContext>] {
        nodes.enumerated().flatMap { i, node in
            i == 0 ? [node] : [.text(" · "), node]
        }
    }
}
