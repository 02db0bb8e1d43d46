import Foundation
import VerdictCore

/// Everything Verdict reads from its environment, in one place.
public struct AppConfig: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String, searchPath: String?)
    }

    public var database: DatabaseChoice
    /// Secret for signing voter cookies. When unset, one is generated once and kept in the
    /// database so that every app server sharing it agrees.
    public var secret: String?
    /// The origin used in links that leave the site (feeds, mail), e.g. https://verdict.example.
    public var publicURL: String?
    /// Load the demo catalog into an empty database on `serve`.
    public var seedDemo: Bool
    /// PostgreSQL connections per event loop (`VERDICT_DB_POOL`); several app servers share the
    /// database's connection limit.
    public var postgresPoolPerEventLoop = 4
    /// Abuse limits for votes; see docs/methodology.md.
    public var limits = VoteLimits()
    /// Model backends for the panel; empty means the offline rubric only.
    public var llm = LLMConfig(backends: [])
    /// Mark session cookies Secure and name them `__Host-…` (`VERDICT_SECURE_COOKIES`); by
    /// default on exactly when `VERDICT_PUBLIC_URL` is https. Off only for local HTTP.
    public var secureCookies: Bool?
    /// The environment this configuration was read from (mail settings are read from it).
    public var environment: [String: String] = [:]

    public init(database: DatabaseChoice, secret: String? = nil, publicURL: String? = nil, seedDemo: Bool = true) {
        self.database = database
        self.secret = secret
        self.publicURL = publicURL
        self.seedDemo = seedDemo
    }

    /// Reads `DATABASE_URL` (`sqlite:PATH` or `postgres://…`; default `sqlite:verdict.sqlite`),
    /// `VERDICT_SECRET`, `VERDICT_PUBLIC_URL` and `VERDICT_DEMO` (`0` to skip the demo catalog).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        var config = AppConfig(
            database: try parseDatabaseURL(env["DATABASE_URL"]),
            secret: env["VERDICT_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
            publicURL: env["VERDICT_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 },
            seedDemo: env["VERDICT_DEMO"] != "0")
        config.limits = try VoteLimits.fromEnvironment(env)
        config.llm = try LLMConfig.fromEnvironment(env)
        config.environment = env
        if let raw = env["VERDICT_SECURE_COOKIES"], !raw.isEmpty {
            switch raw.lowercased() {
            case "1", "true", "yes", "on": config.secureCookies = true
            case "0", "false", "no", "off": config.secureCookies = false
            default: throw ConfigError("VERDICT_SECURE_COOKIES must be 1 or 0; got '\(raw.prefix(20))'")
            }
        }
        if let pool = env["VERDICT_DB_POOL"].flatMap(Int.init), pool > 0 { config.postgresPoolPerEventLoop = pool }
        return config
    }

    public static func parseDatabaseURL(_ raw: String?) throws -> DatabaseChoice {
        guard let raw, !raw.isEmpty else { return .sqlite(path: "verdict.sqlite") }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            return .postgres(url: raw, searchPath: nil)
        }
        if raw.hasPrefix("sqlite:") {
            var path = String(raw.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw ConfigError("DATABASE_URL 'sqlite:' needs a file path, e.g. sqlite:verdict.sqlite") }
            return .sqlite(path: path)
        }
        throw ConfigError("DATABASE_URL must be sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB; got '\(raw.prefix(40))'")
    }

    /// True when links point at an HTTPS origin, so cookies can be marked Secure.
    public var isHTTPS: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    /// Whether session cookies are Secure (and so may carry the `__Host-` prefix).
    public var sessionCookiesSecure: Bool { secureCookies ?? isHTTPS }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// How much voting one network may do. Per-network counters for the rate limit live in each
/// app server's memory; the new-voter cap is counted in the database, so it holds across servers.
public struct VoteLimits: Sendable {
    /// Votes (ship/skip and head-to-head) one network may cast per minute on one app server.
    public var votesPerNetworkPerMinute = 120
    /// New voter ids one network may mint per hour before further ones are discounted.
    public var newVotersPerNetworkPerHour = 20
    /// Proxies whose `X-Forwarded-For` is believed.
    public var trustedProxies: [CIDR] = []

    public init() {}

    static func fromEnvironment(_ env: [String: String]) throws -> VoteLimits {
        var limits = VoteLimits()
        if let raw = env["VERDICT_VOTES_PER_NETWORK_PER_MINUTE"], !raw.isEmpty {
            guard let n = Int(raw), n > 0 else { throw ConfigError("VERDICT_VOTES_PER_NETWORK_PER_MINUTE must be a whole number above 0; got '\(raw)'") }
            limits.votesPerNetworkPerMinute = n
        }
        if let raw = env["VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR"], !raw.isEmpty {
            guard let n = Int(raw), n >= 0 else { throw ConfigError("VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR must be a whole number ≥ 0; got '\(raw)'") }
            limits.newVotersPerNetworkPerHour = n
        }
        if let raw = env["VERDICT_TRUSTED_PROXIES"], !raw.isEmpty {
            do { limits.trustedProxies = try CIDR.list(raw) } catch { throw ConfigError("VERDICT_TRUSTED_PROXIES: \(error)") }
        }
        return limits
    }
}
