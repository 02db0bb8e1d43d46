import Foundation
import Plot
import VerdictCore

/// The moderation queue of model-written takes and the latest decisions.
extension Desk {
    func moderation(pending: [AdminDTO.Review], decided: [AdminDTO.Review], enabled: Bool, notice: String?) -> HTML {
        document(
            title: "Moderation", notice: notice,
            body:
                .h1("Moderation of model takes"),
            .p(
                .class("lead"),
                .text(
                    enabled
                        ? "Model-written takes wait here until an editor approves (as written or edited) or rejects them."
                        : "Moderation is off: model takes are published directly. Anything still queued can be decided here.")),
            pending.isEmpty
                ? .p(.text("Nothing is waiting."))
                : .group(
                    pending.map { r in
                        .article(
                            .class("card review"),
                            .h2(
                                .a(.href(HTMLEscaping.attribute(SiteURL.admin(.tool(r.tool)).path)), .text(r.tool)),
                                .text(" · \(r.persona)")),
                            .p(
                                .strong(.text(r.verdict)), .text(" (\(r.conviction))"),
                                .unwrap(r.flip) { .text(" · would flip if: \($0)") },
                                .text(" · \(r.model ?? "model") · \(Desk.date(r.createdAt))")),
                            .form(
                                .method(.post), .action(HTMLEscaping.attribute(SiteURL.admin(.takeApprove(r.id.uuidString)).path)),
                                csrfField(),
                                .label(
                                    .for("t-\(r.id.uuidString)"),
                                    .text("Take (edit before approving if needed; the model's words are kept)")),
                                .textarea(.id("t-\(r.id.uuidString)"), .name("text"), .attribute(named: "rows", value: "5"), .text(r.text)),
                                .button(.type(.submit), .class("button"), .text("Approve"))
                            ),
                            button("Reject", to: SiteURL.admin(.takeReject(r.id.uuidString)).path, style: "button-secondary")
                        )
                    }),
            .if(
                !decided.isEmpty,
                .section(
                    .h2("Recently decided"),
                    Desk.table(
                        ["Tool", "Persona", "Decision", "By", "Take"],
                        decided.map { r in
                            [
                                .td(.text(r.tool)), .td(.text(r.persona)),
                                .td(.text(r.status + (r.originalText == nil ? "" : " (edited)"))),
                                .td(.text(r.decidedBy ?? "—")), .td(.text(r.text)),
                            ]
                        })))
        )
    }
}
