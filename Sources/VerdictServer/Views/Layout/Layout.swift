import Plot
import VerdictCore

/// The shell every HTML page shares: head, site header with nav, main, footer.
enum Layout {
    /// A whole page. `title` is the page's own title ("A vs B"); the site name is appended.
    /// `canonical` is a path on this site, e.g. `SiteURL.compare(a, b).path`.
    static func document(
        title: String, description: String, canonical: String? = nil, sharing: Sharing? = nil,
        body: Node<HTML.BodyContext>...
    ) -> HTML {
        HTML(
            .lang(.english),
            head(title: title, description: description, canonical: canonical, sharing: sharing),
            .body(
                .a(.class("skip-link"), .href("#main"), .text("Skip to content")),
                header(),
                .main(.id("main"), .class("container"), .group(body)),
                footer()
            )
        )
    }

    /// Open Graph and Twitter card tags, and a page's JSON-LD: what a link preview and a search
    /// engine read. URLs are absolute (`VERDICT_PUBLIC_URL`).
    struct Sharing {
        var url: String
        var image: String?
        /// JSON-LD already made script-safe (`StructuredData.scriptSafe`).
        var jsonLD: String?

        func nodes(title: String, description: String) -> Node<HTML.HeadContext> {
            func meta(_ property: String, _ value: String) -> Node<HTML.HeadContext> {
                .meta(.attribute(named: "property", value: property), .content(HTMLEscaping.attribute(value)))
            }
            return .group(
                meta("og:site_name", "Verdict"), meta("og:type", "website"), meta("og:title", title),
                meta("og:description", Layout.summary(description)), meta("og:url", url),
                .meta(.name("twitter:card"), .content(image == nil ? "summary" : "summary_large_image")),
                .unwrap(image) { .group(meta("og:image", $0), .meta(.name("twitter:image"), .content(HTMLEscaping.attribute($0)))) },
                .unwrap(jsonLD) { .script(.attribute(named: "type", value: "application/ld+json"), .raw($0)) })
        }
    }

    static func head(title: String, description: String, canonical: String?, sharing: Sharing? = nil) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .element(named: "title", nodes: [.text(title == "Verdict" ? title : "\(title) · Verdict")]),
            .meta(.name("description"), .content(HTMLEscaping.attribute(summary(description)))),
            .unwrap(canonical) { .link(.rel(.canonical), .href(HTMLEscaping.attribute($0))) },
            .meta(.name("color-scheme"), .content("light dark")),
            .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
            .unwrap(sharing) { $0.nodes(title: title, description: description) },
            .link(
                .rel(.alternate), .attribute(named: "type", value: "application/atom+xml"),
                .attribute(named: "title", value: "Verdict: new tools and verdicts"), .href(SiteURL.feedAtom(category: nil).path))
        )
    }

    static func header() -> Node<HTML.BodyContext> {
        .header(
            .class("site-header"),
            .div(
                .class("container site-header-inner"),
                .a(.class("wordmark"), .href(SiteURL.home), .text("Verdict")),
                .form(
                    .class("site-search"), .method(.get), .action(SiteURL.search(SearchFilters(), page: 1).path),
                    .attribute(named: "role", value: "search"),
                    .label(.for("site-search-q"), .class("visually-hidden"), .text("Search tools")),
                    .input(
                        .id("site-search-q"), .name("q"), .attribute(named: "type", value: "search"),
                        .attribute(named: "placeholder", value: "Search tools"), .attribute(named: "maxlength", value: "200")),
                    .button(.type(.submit), .class("button"), .text("Search"))),
                .nav(
                    .attribute(named: "aria-label", value: "Main"),
                    .ul(
                        .class("site-nav"),
                        .li(.a(.href(SiteURL.home), .text("Home"))),
                        .li(.a(.href(SiteURL.categories), .text("Categories"))),
                        .li(.a(.href(SiteURL.tools(after: nil)), .text("Tools"))),
                        .li(.a(.href(SiteURL.leaderboard(category: nil)), .text("Leaderboard"))),
                        .li(.a(.href(SiteURL.whatsNew(category: nil)), .text("What's new"))),
                        .li(.a(.href(SiteURL.methodology), .text("Methodology"))),
                        .li(.a(.href(SiteURL.newsletter), .text("Newsletter")))
                    )
                )
            )
        )
    }

    static func footer() -> Node<HTML.BodyContext> {
        .footer(
            .class("site-footer"),
            .div(
                .class("container"),
                .p(
                    .strong(.text("Demo data. ")),
                    .text("Tool facts are as of each vendor's public pages when they were read; verify them before relying on them.")),
                .p(
                    .text(
                        "Panel ship = takes saying ship ÷ takes present, always shown with the number of takes. "
                            + "Community = ship votes ÷ all votes, “—” until someone votes. "),
                    .a(.href(SiteURL.methodology), .text("How every number is computed"))),
                .p(
                    .a(.href(SiteURL.api(.tools)), .text("JSON API")),
                    .text(" · "),
                    .a(.href(SiteURL.newsletter), .text("Weekly AI tool verdicts")),
                    .text(" · "),
                    .a(.href(SiteURL.newsletterArchive), .text("Past issues")),
                    .text(" · "),
                    .a(.href(SiteURL.login(next: nil).path), .text("Editors")))
            )
        )
    }

    /// The home page's category list, which the nav links to.
    static let categoriesAnchor = SiteURL.home.path + "#" + Home.categoriesID

    /// Meta descriptions are a sentence or two; vendor descriptions can be much longer.
    static func summary(_ text: String, limit: Int = 200) -> String {
        Components.truncated(TextCleaning.oneLine(text), limit: limit)
    }
}
