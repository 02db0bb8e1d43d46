import Plot

/// The sign-in page of the editor's desk.
enum LoginPage {
    static func document(email: String = "", next: String?, message: String? = nil) -> HTML {
        Layout.document(
            title: "Sign in", description: "Sign in to Verdict's editor's desk",
            body: .section(
                .class("card desk-login"),
                .h1("Sign in"),
                .p(.class("lead"), .text("The editor's desk is for the people who curate this site. Readers need no account.")),
                .unwrap(message) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .method(.post), .action(SiteURL.login(next: nil).path),
                    .unwrap(next) { .input(.type(.hidden), .name("next"), .value(HTMLEscaping.attribute($0))) },
                    .div(
                        .class("field"),
                        .label(.for("login-email"), .text("Email")),
                        .input(
                            .type(.email), .id("login-email"), .name("email"), .required(true),
                            .value(HTMLEscaping.attribute(email)), .attribute(named: "autocomplete", value: "username"))),
                    .div(
                        .class("field"),
                        .label(.for("login-password"), .text("Password")),
                        .input(
                            .type(.password), .id("login-password"), .name("password"), .required(true),
                            .attribute(named: "autocomplete", value: "current-password"))),
                    .button(.type(.submit), .class("button"), .text("Sign in"))
                )
            )
        )
    }
}
