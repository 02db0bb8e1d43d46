import Foundation

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

    public init(database: DatabaseChoice, secret: String? = nil, publicURL: String? = nil, seedDemo: Bool = true) {
        self.database = database
        self.secret = secret
        self.publicURL = publicURL
        self.seedDemo = seedDemo
    }

    /// Reads `DATABASE_URL` (`sqlite:PATH` or `postgres://…`; default `sqlite:verdict.sqlite`),
    /// `VERDICT_SECRET`, `VERDICT_PUBLIC_URL` and `VERDICT_DEMO` (`0` to skip the demo catalog).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        AppConfig(
            database: try parseDatabaseURL(env["DATABASE_URL"]),
            secret: env["VERDICT_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
            publicURL: env["VERDICT_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 },
            seedDemo: env["VERDICT_DEMO"] != "0")
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
}

public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
