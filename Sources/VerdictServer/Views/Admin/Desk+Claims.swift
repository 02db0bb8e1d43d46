import Foundation
import Plot
import VerdictCore

extension Desk {
    /// One form per claim: its status, how it was checked, the evidence link and a note. Saving
    /// re-runs the rubric and queues model personas (the claim checks are part of the facts).
    func claimChecks(slug: String, ledger: ClaimLedger) -> Node<HTML.BodyContext> {
        .section(
            .id("claims"),
            .h2("Claims"),
            .if(
                ledger.entries.isEmpty,
                .p(.class("muted"), .text("No claims are declared in the facts (facts.claims).")),
                else: .group(
                    .p(
                        .class("muted"),
                        .text(
                            "Verified and disputed claims need the method and an evidence link; the panel treats every other claim as unverified. Changes are audited."
                        )),
                    .forEach(Array(ledger.entries.enumerated())) { index, entry in
                        .form(
                            .class("desk-form claim-form"), .method(.post),
                            .action(HTMLEscaping.attribute(SiteURL.admin(.toolClaims(slug)).path)), csrfField(),
                            .input(.type(.hidden), .name("claim"), .value("\(index)")),
                            .p(
                                .strong(.text("“\(entry.claim)”")), .text(" — \(entry.status.label)"),
                                .unwrap(entry.check) { .text(" by \($0.checkedBy) on \($0.checkedOn)") }),
                            .div(
                                .class("field"),
                                .label(.for("claim-\(index)-status"), .text("Status")),
                                .select(
                                    .id("claim-\(index)-status"), .attribute(named: "name", value: "status"),
                                    .forEach(ClaimStatus.allCases) { status in
                                        .option(.value(status.rawValue), .label(status.label), .isSelected(entry.status == status))
                                    })),
                            claimField(index, "method", "How it was checked", entry.check?.method),
                            claimField(index, "evidence_url", "Evidence link (http or https)", entry.check?.evidenceURL),
                            claimField(index, "note", "Note (optional; the counter-evidence of a disputed claim)", entry.check?.note),
                            .button(.type(.submit), .class("button"), .text("Save claim status")))
                    })))
    }

    private func claimField(_ index: Int, _ key: String, _ label: String, _ value: String?) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for("claim-\(index)-\(key)"), .text(label)),
            .input(.type(.text), .id("claim-\(index)-\(key)"), .name(key), .value(HTMLEscaping.attribute(value ?? ""))))
    }
}
