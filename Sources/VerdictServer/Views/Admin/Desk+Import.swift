import Foundation
import Plot
import VerdictCore

/// The catalog import form and its outcome.
extension Desk {
    func importPage(result: String? = nil, problems: [String] = []) -> HTML {
        document(
            title: "Import",
            body:
                .h1("Import a catalog file"),
            .p(
                .class("lead"),
                .text(
                    "The same file and the same checks as `verdict import`: every problem is listed, and nothing is written unless the whole file is valid."
                )),
            .unwrap(result) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .if(
                !problems.isEmpty,
                .div(
                    .class("form-error"), .attribute(named: "role", value: "alert"),
                    .p(.text("Nothing was written:")), .ul(.forEach(problems) { .li(.text($0)) }))),
            .form(
                .class("desk-form"), .method(.post), .action(SiteURL.admin(.importCatalog).path),
                .attribute(named: "enctype", value: "multipart/form-data"), csrfField(),
                .div(
                    .class("field"), .label(.for("i-file"), .text("YAML or JSON file")),
                    .input(.type(.file), .id("i-file"), .name("file"), .attribute(named: "accept", value: ".yaml,.yml,.json"))),
                .div(
                    .class("field"), .label(.for("i-text"), .text("…or paste the file's text")),
                    .textarea(.id("i-text"), .name("text"), .class("code"), .attribute(named: "rows", value: "10"))),
                .div(.class("field"), .label(.input(.type(.checkbox), .name("check"), .value("1")), .text(" Check only; write nothing"))),
                .button(.type(.submit), .class("button"), .text("Import"))
            )
        )
    }
}
