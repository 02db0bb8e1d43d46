import Plot

extension ErrorPage {
    struct View {
        let model: Model

        func document() -> HTML {
            Layout.document(
                title: "\(model.status) · \(model.title)",
                description: model.message,
                body:
                    .section(
                        .class("error-page"),
                        .p(.class("error-status"), .text(String(model.status))),
                        .h1(.text(model.title)),
                        .p(.class("lead"), .text(model.message)),
                        .p(.a(.class("button"), .href(SiteURL.home), .text("Back to all verdicts")))
                    )
            )
        }
    }
}
