import Foundation
import VerdictCore

/// Who may read `/metrics`: see `MetricsAccess`.
struct MetricsSettings: Sendable {
    /// Loopback only: a Prometheus on another host must be allowed by name.
    static let defaultAllow = "127.0.0.1/32,::1/128"

    /// `VERDICT_METRICS_TOKEN`: when set, a scrape must send `Authorization: Bearer <token>`.
    var token: String?
    /// `VERDICT_METRICS_ALLOW`: the peer addresses (the socket's, never `X-Forwarded-For`) that
    /// may scrape.
    var allow: [CIDR] = (try? CIDR.list(defaultAllow)) ?? []
}

extension Settings {
    static func readMetrics(_ r: inout SettingsReader) throws -> MetricsSettings {
        var metrics = MetricsSettings()
        // No whitespace: the token has to fit in one `Authorization: Bearer` header value.
        metrics.token = try r.readOptional(
            "VERDICT_METRICS_TOKEN", unset: "unset: no token asked, VERDICT_METRICS_ALLOW alone decides",
            expected: "at least \(minimumSecretBytes) bytes without spaces (e.g. openssl rand -hex 32)", secrecy: .secret,
            parse: { $0.utf8.count >= minimumSecretBytes && !$0.contains(where: \.isWhitespace) ? $0 : nil })
        metrics.allow = try r.read(
            "VERDICT_METRICS_ALLOW", default: metrics.allow,
            expected: "comma-separated CIDR ranges such as 127.0.0.1/32,10.0.0.0/8 (0.0.0.0/0,::/0 for everyone)",
            show: { $0.map { "\($0.base)/\($0.prefix)" }.joined(separator: ",") },
            parse: { text in (try? CIDR.list(text)).flatMap { $0.isEmpty ? nil : $0 } })
        return metrics
    }
}
