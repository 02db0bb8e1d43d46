import Foundation
import Plot
import VerdictCore

extension Compare.View {
    /// Both tools' panel, community and entry figures in one small table: with the recommendation
    /// right after it, the answer sits above the fold on a phone.
    func glance() -> Node<HTML.BodyContext> {
        .div(
            .class("table-scroll glance"),
            .table(
                .class("glance-table"),
                .caption(.class("visually-hidden"), .text("The two tools at a glance")),
                .thead(
                    .tr(
                        .td(.text("")),
                        .th(.attribute(named: "scope", value: "col"), Components.toolName(a.tool, linked: true)),
                        .th(.attribute(named: "scope", value: "col"), Components.toolName(b.tool, linked: true)))),
                .tbody(
                    glanceRow("Panel ship", .text(a.panel.label), .text(b.panel.label)),
                    glanceRow("Community", hole(.labelA), hole(.labelB)),
                    glanceRow("Entry", .text(a.tool.entry.displayName), .text(b.tool.entry.displayName)))))
    }

    private func glanceRow(_ label: String, _ x: Node<HTML.BodyContext>, _ y: Node<HTML.BodyContext>) -> Node<HTML.TableContext> {
        .tr(.th(.attribute(named: "scope", value: "row"), .text(label)), .td(x), .td(y))
    }

    /// Persona × tool: each take's verdict, conviction and one line of its reason, before the
    /// full takes further down.
    func grid() -> Node<HTML.BodyContext> {
        .section(
            .class("section"), .id("grid"),
            .h2(.text("The panel at a glance")),
            .p(
                .class("muted legend"),
                .text(
                    "Split: the persona ships one tool and skips the other. narrow: a close call, one fact from flipping. rubric: written by the built-in offline reviewer from the declared facts."
                )),
            .div(
                .class("table-scroll"),
                .table(
                    .class("scorecard-grid"),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Persona")),
                            .th(.attribute(named: "scope", value: "col"), .text(a.tool.name)),
                            .th(.attribute(named: "scope", value: "col"), .text(b.tool.name)))),
                    .tbody(
                        .forEach(comparison.scorecard) { row in
                            .tr(
                                .class(row.isSplit ? "is-split" : ""),
                                .th(
                                    .attribute(named: "scope", value: "row"), .text(row.persona.displayName),
                                    .if(row.isSplit, .group(.text(" "), Components.splitMarker()))),
                                gridCell(row.a, abstention(row.persona, in: a)),
                                gridCell(row.b, abstention(row.persona, in: b)))
                        }))),
            .p(.a(.href("#takes"), .text("Read the full takes ↓")))
        )
    }

    private func gridCell(_ take: Take?, _ abstention: Abstention?) -> Node<HTML.TableRowContext> {
        guard let take else {
            return .td(.class("muted"), .text(abstention == nil ? "No take yet" : "Abstained"))
        }
        return .td(
            Components.verdictBadge(take),
            .p(.class("grid-reason"), .text(Self.oneLine(take.text))))
    }

    /// One line of a take's reason: its last sentence that names the verdict (with the sentence
    /// before it when the verdict alone says nothing, as "Ship, clearly." does), else its first,
    /// kept to 140 characters.
    static func oneLine(_ text: String) -> String {
        let sentences = text.split(separator: ". ").map { String($0) }
        let index = sentences.lastIndex { s in
            let lower = s.lowercased()
            return (lower.hasPrefix("ship") || lower.hasPrefix("skip")) && !lower.hasPrefix("ship with")
        }
        var line = index.map { sentences[$0] } ?? sentences.first ?? text
        if let index, line.count < 30, index > 0 { line = sentences[index - 1] + ". " + line }
        line = line.trimmingCharacters(in: .whitespaces)
        let ended = line.hasSuffix(".") ? line : line + "."
        return ended.count <= 140 ? ended : String(ended.prefix(139)) + "…"
    }
}
