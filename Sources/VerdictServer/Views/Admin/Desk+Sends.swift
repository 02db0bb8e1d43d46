import Foundation
import Plot
import VerdictCore

/// The newsletter issues and how their deliveries went (admins only).
extension Desk {
    func sends(_ issues: [AdminDTO.Send]) -> HTML {
        document(
            title: "Sends",
            body:
                .h1("Newsletter sends"),
            issues.isEmpty
                ? .p(.text("No issue composed yet; `verdict newsletter compose` makes one."))
                : Desk.table(
                    ["Week", "Subject", "Composed", "Sent", "Pending", "Failed"],
                    issues.map { i in
                        [
                            .td(.text(i.week)), .td(.text(i.subject)), .td(.text(Desk.date(i.createdAt))),
                            .td(.text("\(i.sent)")), .td(.text("\(i.pending)")), .td(.text("\(i.failed)")),
                        ]
                    })
        )
    }
}
