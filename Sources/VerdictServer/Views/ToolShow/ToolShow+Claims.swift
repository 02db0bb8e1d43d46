import Foundation
import Plot
import VerdictCore

extension ToolShow.View {
    /// The vendor's claims with their status: who verified or disputed each, how, the evidence
    /// and the day; unverified ones say so, and the panel treats them as no evidence.
    func claims() -> Node<HTML.BodyContext> {
        let ledger = tool.ledger
        guard !ledger.entries.isEmpty else { return .empty }
        return .section(
            .class("section"), .id("claims"),
            .h2(.text("Claims")),
            .p(
                .class("muted"),
                .text(
                    "What the vendor says about \(tool.name), and whether anyone has checked it. An unverified claim counts for nothing in the panel's verdicts."
                )),
            .ul(
                .class("claims"),
                .forEach(ledger.entries) { entry in
                    .li(
                        .class("claim claim-\(entry.status.rawValue)"),
                        .span(.class("claim-status"), .text(entry.status.label)),
                        .text(" "),
                        .span(.class("claim-text"), .text("“\(entry.claim)”")),
                        .unwrap(entry.check) { check in
                            .p(
                                .class("claim-check muted"),
                                .text(
                                    "\(entry.status == .verified ? "Verified" : "Disputed") by \(check.checkedBy) on \(check.checkedOn): \(check.method)."
                                ),
                                .unwrap(check.note) { .text(" \($0)") },
                                .unwrap(HTMLEscaping.externalURL(check.evidenceURL)) { href in
                                    .group(
                                        .text(" "),
                                        .a(
                                            .href(href), .rel("nofollow noopener"),
                                            .text(entry.status == .verified ? "Evidence" : "Counter-evidence")))
                                })
                        },
                        .if(entry.check == nil, .p(.class("claim-check muted"), .text("Nobody has checked this claim yet.")))
                    )
                })
        )
    }

    /// The verdict badge and the snippet that embeds it, linking back to this page.
    func embed() -> Node<HTML.BodyContext> {
        guard model.retiredAt == nil else { return .empty }
        let badge = SiteURL.badge(tool.slug).path
        let alt =
            "\(Badge.label): \(Badge.message(panel: model.standing.panel.shipPercent, community: model.standing.community.shipPercent))"
        let snippet =
            "<a href=\"\(model.publicURL)\(SiteURL.tool(tool.slug).path)\"><img src=\"\(model.publicURL)\(badge)\" alt=\"\(alt)\"></a>"
        return .details(
            .class("section embed"),
            .summary(.text("Embed this verdict")),
            .p(.img(.src(HTMLEscaping.attribute(badge)), .alt(HTMLEscaping.attribute(alt)))),
            .p(.class("muted"), .text("Copy this into your page; the badge follows the verdict and the vote.")),
            .pre(.code(.text(snippet))))
    }

    /// "Facts last changed 2026-12-01 · takes written 2026-12-01 (Builder, Skeptic), 2026-11-20 (Buyer)".
    func datesLine() -> Node<HTML.BodyContext> {
        var byDay: [String: [String]] = [:]
        for persona in Persona.allCases {
            guard let written = model.history.last(where: { $0.persona == persona && $0.current })?.createdAt else { continue }
            byDay[UTCDate.day(written), default: []].append(persona.displayName)
        }
        let takes = byDay.sorted { $0.key > $1.key }.map { "\($0.key) (\($0.value.joined(separator: ", ")))" }
        let parts = [
            model.factsChangedAt.map { "Facts last changed \(UTCDate.day($0))" },
            takes.isEmpty ? nil : "takes written " + takes.joined(separator: ", "),
        ]
        .compactMap { $0 }
        guard !parts.isEmpty else { return .empty }
        return .p(.class("muted take-dates"), .text(parts.joined(separator: " · ") + "."))
    }

    /// What the labels on the takes mean, in words on the page rather than only on hover.
    func legend() -> Node<HTML.BodyContext> {
        .p(
            .class("muted legend"),
            .text(
                "narrow: a close call, one fact from flipping. rubric: written by the built-in offline reviewer from the declared facts; llm: written by a model (named on the take); editorial: written by an editor."
            ))
    }

    /// "The Skeptic's take is stale since 2026-12-03 …" above the panel, for takes that judged
    /// facts which have changed since.
    func staleNotice() -> Node<HTML.BodyContext> {
        let stale = Persona.allCases.compactMap { persona -> (Persona, Date)? in
            guard let current = model.history.last(where: { $0.persona == persona && $0.current }),
                let since = Staleness.takeStaleSince(
                    takeFactsHash: current.factsHash, source: current.source, toolFactsHash: model.factsHash,
                    factsChangedAt: model.factsChangedAt)
            else { return nil }
            return (persona, since)
        }
        guard let since = stale.map(\.1).max() else { return .empty }
        let names = stale.map { "the \($0.0.displayName)'s" }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        let day = since == .distantPast ? "an earlier change" : UTCDate.day(since)
        return .p(
            .class("notice notice-stale"), .attribute(named: "role", value: "note"),
            .strong(.text("Stale since \(day): ")),
            .text(
                "\(list.prefix(1).uppercased() + list.dropFirst()) \(names.count == 1 ? "take" : "takes") judged facts that have changed since; a re-run is queued for model personas. Until the panel has re-run, read \(names.count == 1 ? "it" : "them") as the verdict on the old facts."
            ))
    }
}
