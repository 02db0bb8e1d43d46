import Foundation

/// A web origin as browsers compare them: scheme, host and port, with the scheme's default
/// port filled in, so `http://example.com` and `http://example.com:80` are one origin and
/// `https://example.com` and `http://example.com:8081` are two others.
struct WebOrigin: Equatable, CustomStringConvertible {
    var scheme: String
    var host: String
    var port: Int

    /// Parses an `Origin` header or a configured origin; nil unless it is an http(s) origin
    /// with a host and nothing after it but an optional `/`.
    init?(_ text: String) {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parts.host?.lowercased(), !host.isEmpty, parts.user == nil, parts.query == nil, parts.fragment == nil,
            parts.path.isEmpty || parts.path == "/"
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = parts.port ?? (scheme == "https" ? 443 : 80)
    }

    /// The origin a request's `Host` header (`host` or `host:port`) names, reached by `scheme`.
    init?(scheme: String, hostHeader: String) {
        guard !hostHeader.isEmpty, !hostHeader.contains("/") else { return nil }
        self.init("\(scheme)://\(hostHeader)")
    }

    var description: String { "\(scheme)://\(host):\(port)" }
}
