import Plot
import VerdictCore

/// `/suggest`: the public "Suggest a tool" form, and its thank-you page.
enum SuggestPage {
    static func form(categories: [String], values: [String: String], problems: [String: String]) -> HTML {
        Layout.document(
            title: "Suggest a tool",
            description: "Tell the editors about an AI tool the catalog is missing.",
            canonical: SiteURL.suggest.path,
            body:
                .h1(.text("Suggest a tool")),
            .p(
                .text(
                    "Missing an AI tool? Tell us about it. An editor reviews every suggestion before it is listed; the panel then writes its verdicts. Vendors may submit their own tool: it will be labelled vendor-submitted on every page that shows it."
                )),
            .if(
                !problems.isEmpty,
                .div(
                    .class("notice notice-error"), .attribute(named: "role", value: "alert"),
                    .p(.text("Please fix the fields below:")),
                    .ul(.forEach(problems.sorted { $0.key < $1.key }) { .li(.text("\(label($0.key)) \($0.value).")) }))),
            .form(
                .class("suggest-form desk-form"), .method(.post), .action(SiteURL.suggest),
                field(
                    "name", "Tool name", problems,
                    .input(
                        .type(.text), .id("suggest-name"), .name("name"), .required(true),
                        .attribute(named: "maxlength", value: "\(Suggestion.maxName)"), .value(HTMLEscaping.attribute(values["name"] ?? ""))
                    )),
                field(
                    "url", "Its web address", problems,
                    .input(
                        .type(.url), .id("suggest-url"), .name("url"), .required(true), .placeholder("https://"),
                        .attribute(named: "maxlength", value: "\(Suggestion.maxURL)"), .value(HTMLEscaping.attribute(values["url"] ?? "")))),
                field(
                    "category", "Category", problems,
                    .select(
                        .id("suggest-category"), .attribute(named: "name", value: "category"),
                        .forEach(categories + [Suggestion.otherCategory]) { name in
                            .option(
                                .value(HTMLEscaping.attribute(name)), .label(HTMLEscaping.attribute(name)),
                                .isSelected(values["category"] == name))
                        })),
                field(
                    "reason", "Why should the panel look at it?", problems,
                    .textarea(
                        .id("suggest-reason"), .name("reason"), .required(true),
                        .attribute(named: "maxlength", value: "\(Suggestion.maxReason)"), .attribute(named: "rows", value: "5"),
                        .text(values["reason"] ?? ""))),
                .div(
                    .class("field"),
                    .label(
                        .input(.type(.checkbox), .name("vendor"), .value("1"), .checked(values["vendor"] == "1")),
                        .text(" I work for the vendor of this tool (it will be labelled vendor-submitted)"))),
                .button(.type(.submit), .text("Send suggestion"))
            )
        )
    }

    static func thanks(name: String) -> HTML {
        Layout.document(
            title: "Thanks for the suggestion", description: "Your suggestion is with the editors.",
            body:
                .h1(.text("Thanks — \(name) is with the editors")),
            .p(.text("An editor reviews it; if it is listed, the panel writes its verdicts and it appears under What's new.")),
            .p(.a(.href(SiteURL.whatsNew(category: nil).path), .text("See what's new →")))
        )
    }

    private static func label(_ field: String) -> String {
        ["name": "Tool name", "url": "Web address", "category": "Category", "reason": "Why"][field] ?? field
    }

    private static func field(
        _ name: String, _ label: String, _ problems: [String: String], _ input: Node<HTML.FormContext>
    ) -> Node<HTML.FormContext> {
        .div(
            .class(problems[name] == nil ? "field" : "field field-error"),
            .label(.for("suggest-\(name)"), .text(label)),
            input,
            .unwrap(problems[name]) { .small(.class("field-problem"), .text("\(label) \($0).")) })
    }
}
