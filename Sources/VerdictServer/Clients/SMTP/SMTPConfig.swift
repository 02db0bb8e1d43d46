import Foundation

/// Where and how to reach the SMTP server, parsed from `VERDICT_SMTP_URL`.
struct SMTPConfig: Sendable, Equatable {
    /// How the connection is protected.
    enum Security: String, Sendable, Equatable {
        /// Plain text throughout, even if the server offers STARTTLS.
        case none
        /// Upgrade with STARTTLS when the server offers it, plain text otherwise (`smtp://`).
        case startTLS
        /// TLS from the first byte (`smtps://`, usually port 465).
        case implicitTLS
    }

    var host: String
    var port: Int
    var security: Security
    var username: String?
    var password: String?
    /// The name sent with EHLO/HELO.
    var heloName: String

    /// Parses `smtp://[user:pass@]host[:port][?helo=name&starttls=off]` or `smtps://…`.
    ///
    /// User and password are percent-decoded, so `p%40ss` stands for `p@ss`. The default
    /// port is 25 for `smtp://` and 465 for `smtps://`; `starttls=off` keeps a `smtp://`
    /// connection plain even when the server offers STARTTLS.
    static func parse(_ url: String) throws(SMTPConfigError) -> SMTPConfig {
        let text = url.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = text.range(of: "://") else { throw .malformed(url: redacted(text)) }
        var security: Security
        switch text[..<schemeEnd.lowerBound].lowercased() {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        case let other: throw .unsupportedScheme(other)
        }
        let explicitPort = try portText(in: text[schemeEnd.upperBound...])
        guard let components = URLComponents(string: text) else {
            throw .malformed(url: redacted(text))
        }
        guard var host = components.host, !host.isEmpty else { throw .missingHost(url: redacted(text)) }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = explicitPort ?? (security == .implicitTLS ? 465 : 25)
        var heloName = "localhost"
        for item in components.queryItems ?? [] {
            switch (item.name.lowercased(), item.value?.lowercased()) {
            case ("helo", _): heloName = item.value ?? heloName
            case ("starttls", "off"), ("starttls", "false"), ("starttls", "no"):
                guard security == .startTLS else { throw .unknownOption(item.name) }
                security = .none
            default: throw .unknownOption(item.name)
            }
        }
        let username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }
        let password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        if (username == nil) != (password == nil) || username?.isEmpty == true {
            throw .incompleteCredentials
        }
        return SMTPConfig(
            host: host, port: port, security: security,
            username: username, password: password, heloName: heloName)
    }

    /// The port written after the host, if any. Checked on the raw text because
    /// URLComponents gives up on the whole URL for "host:abc" and accepts "host:0".
    private static func portText(in rest: Substring) throws(SMTPConfigError) -> Int? {
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let afterBracket = hostPort.split(separator: "]", omittingEmptySubsequences: false).last ?? ""
        guard let colon = afterBracket.lastIndex(of: ":") else { return nil }
        let text = afterBracket[afterBracket.index(after: colon)...]
        guard let port = Int(text), text.allSatisfy({ $0.isASCII && $0.isNumber }),
            (1...65535).contains(port)
        else {
            throw .badPort(String(text))
        }
        return port
    }

    /// The URL with any password replaced, safe for error messages and logs.
    static func redacted(_ url: String) -> String {
        guard let range = url.range(of: #"://[^/@]*:[^/@]*@"#, options: .regularExpression) else {
            return url
        }
        let userPart = url[range].dropFirst(3).split(separator: ":").first ?? ""
        return url.replacingCharacters(in: range, with: "://\(userPart):***@")
    }
}

extension SMTPConfig: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never shows the password.
    var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = username.map { "\($0):***@" } ?? ""
        let option = security == .none ? "?starttls=off" : ""
        return "\(scheme)://\(user)\(host):\(port)\(option)"
    }

    var debugDescription: String { "SMTPConfig(\(description), helo: \(heloName))" }
}

/// Why `VERDICT_SMTP_URL` could not be used, worded so the operator knows what to fix.
enum SMTPConfigError: Error, Equatable, CustomStringConvertible {
    case malformed(url: String)
    case unsupportedScheme(String)
    case missingHost(url: String)
    case badPort(String)
    case incompleteCredentials
    case unknownOption(String)

    var description: String {
        let expected = "expected smtp://user:pass@host:port or smtps://user:pass@host:port"
        switch self {
        case .malformed(let url): return "VERDICT_SMTP_URL '\(url)' is not a URL; \(expected)."
        case .unsupportedScheme(let scheme):
            return
                "VERDICT_SMTP_URL has scheme '\(scheme)'; use smtp:// (STARTTLS when offered) or smtps:// (implicit TLS)."
        case .missingHost(let url): return "VERDICT_SMTP_URL '\(url)' names no host; \(expected)."
        case .badPort(let port):
            return "VERDICT_SMTP_URL has port '\(port)'; use a number from 1 to 65535."
        case .incompleteCredentials:
            return
                "VERDICT_SMTP_URL has a user without a password (or the reverse); give both as user:pass@, percent-encoding '@', ':' and '/'."
        case .unknownOption(let name):
            return
                "VERDICT_SMTP_URL has unknown option '\(name)'; known: helo=NAME, starttls=off (smtp:// only)."
        }
    }
}
