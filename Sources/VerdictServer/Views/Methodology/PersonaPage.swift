import Foundation
import Plot
import VerdictCore

/// One persona: who it is, what it weighs (the rubric's row), its record and latest takes.
struct PersonaPage {
    let persona: Persona
    let takes: [TakeModel.PersonaTake]
    let record: TakeModel.PersonaRecord

    func document() -> HTML {
        let row = Methodology.View.rubricRows.first { $0.persona == persona }
        let takes = record.ship + record.skip
        return Layout.document(
            title: "The \(persona.displayName)",
            description:
                "The \(persona.displayName) on Verdict's panel: \(persona.role.lowercased()). What it weighs, its ship rate and its latest takes.",
            canonical: SiteURL.persona(persona).path,
            body:
                .header(
                    .class("page-intro"), .p(.class("eyebrow"), .text("The panel")),
                    .h1(.text("The \(persona.displayName)")), .p(.class("lead"), .text(persona.role + "."))),
            .nav(
                .class("persona-nav"), .attribute(named: "aria-label", value: "Personas"),
                .forEach(Persona.allCases) { p in
                    p == persona ? .strong(.text(p.displayName + " ")) : .a(.href(SiteURL.persona(p)), .text(p.displayName + " "))
                }),
            .section(
                .class("section card"),
                .h2(.text("Its record")),
                .dl(
                    .class("method-limits"),
                    .dt(.text("Ship rate")),
                    .dd(
                        .text(
                            takes == 0
                                ? "No takes yet."
                                : "Ships \(wholePercent(record.ship, of: takes) ?? 0)% of the \(takes) listed tools it has judged (\(record.ship) ship, \(record.skip) skip)."
                        )),
                    .dt(.text("Against the community")),
                    .dd(
                        .text(
                            record.compared == 0
                                ? "No tool it judged has a community majority yet."
                                : "Disagrees with the community's majority on \(record.disagreements) of \(record.compared) tools (\(wholePercent(record.disagreements, of: record.compared) ?? 0)%); tied votes are left out."
                        )))),
            .unwrap(row) { row in
                .section(
                    .class("section"),
                    .h2(.text("What it weighs")),
                    .p(.text("The rubric's \(persona.displayName) ships at a score \(row.shipsAt): \(row.weighs).")),
                    .p(.a(.href(SiteURL.methodology.path + "#rubric"), .text("How the rubric and model-written takes work →"))))
            },
            .section(
                .class("section"),
                .h2(.text("Latest takes")),
                .if(
                    self.takes.isEmpty, .p(.text("No takes yet.")),
                    else: .ol(
                        .class("persona-takes"),
                        .forEach(self.takes) { t in
                            .li(
                                .p(
                                    .a(.href(SiteURL.tool(t.slug)), .strong(.text(t.name))), .text(" · \(t.category) · "),
                                    .span(.class("badge badge-\(t.verdict)"), .text(t.verdict == "ship" ? "Ship" : "Skip")),
                                    .if(t.conviction == "narrow", .span(.class("muted"), .text(" narrow"))),
                                    .span(.class("source"), .text(" \(t.source)"))),
                                .p(.class("take-text"), .text(Components.truncated(t.text, limit: 320))))
                        })))
        )
    }
}
