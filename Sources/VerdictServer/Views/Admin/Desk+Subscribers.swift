import Foundation
import Plot
import VerdictCore

/// The newsletter's subscribers, a page at a time (admins only).
extension Desk {
    func subscribers(counts: [String: Int], rows: [AdminDTO.Subscriber], offset: Int, more: Bool) -> HTML {
        document(
            title: "Subscribers",
            body:
                .h1("Subscribers"),
            .p(.text(counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " · "))),
            Desk.table(
                ["Email", "State", "Signed up", "Confirmed"],
                rows.map { s in
                    [.td(.text(s.email)), .td(.text(s.status)), .td(.text(Desk.date(s.createdAt))), .td(.text(Desk.date(s.confirmedAt)))]
                }),
            .if(more, .p(.a(.href("\(SiteURL.admin(.subscribers).path)?offset=\(offset + rows.count)"), .text("Next page"))))
        )
    }
}
