import Foundation
import Plot
import VerdictCore

/// The list of every tool, retired ones included.
extension Desk {
    func tools(_ rows: [ToolModel]) -> HTML {
        document(
            title: "Tools",
            body:
                .h1("Tools"),
            .p(.a(.class("button"), .href(SiteURL.admin(.newTool).path), .text("Add a tool"))),
            Desk.table(
                ["Tool", "Category", "Entry", "Status"],
                rows.map { t in
                    [
                        .td(
                            .a(.href(HTMLEscaping.attribute(SiteURL.admin(.tool(t.slug)).path)), .text(t.name)),
                            .br(), .code(.text(t.slug))),
                        .td(.text(t.category)),
                        .td(.text(t.entry)),
                        .td(.text(t.retiredAt == nil ? "listed" : "retired \(Desk.date(t.retiredAt))")),
                    ]
                })
        )
    }
}
