import Foundation
import Plot
import VerdictCore

/// Plot escapes text nodes but writes attribute values verbatim, so every attribute that
/// can carry catalog or reader text goes through here.
enum HTMLEscaping {
    /// Escapes a value for use inside a double-quoted attribute.
    static func attribute(_ value: String) -> String { HTMLText.escape(value) }

    /// An absolute http(s) URL from the catalog, escaped for `href`; nil for anything else
    /// (`javascript:`, `data:`, relative paths), which pages then show as text or not at all.
    static func externalURL(_ raw: String?) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespacesAndNewlines),
            let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return nil }
        return attribute(raw)
    }
}

extension Node where Context: HTMLLinkableContext {
    /// An `href` to a page of this site.
    static func href(_ url: SiteURL) -> Node { .href(HTMLEscaping.attribute(url.path)) }
}

extension Node where Context == HTML.FormContext {
    /// A form `action` on this site.
    static func action(_ url: SiteURL) -> Node { .action(HTMLEscaping.attribute(url.path)) }
}

extension Node {
    /// Every text node on the site. Plot's own `.text` leaves anything shaped like an entity
    /// (`&#x202E;`, `&lt;b&gt;`) for the browser to decode, so stored text could show as other
    /// characters than those stored; this one escapes every `&`, `<`, `>` and quote.
    static func text(_ text: String) -> Node {
        .raw(HTMLText.escape(text))
    }
}
