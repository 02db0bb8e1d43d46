import Foundation
import VerdictCore

/// Every setting Verdict has, read once at start-up (defaults, then `.env` files, then the
/// process environment) by `Settings.load`; a malformed or out-of-range value stops start-up.
///
/// Hand-written rather than built on apple/swift-configuration 1.4.0: that package's
/// optional and default getters return nil or the default for a malformed value (only the
/// `required…` getters throw, and then for a missing value too), it reports sources only
/// through access-reporter events, it needs macOS 15 (we declare 13), and it would add
/// swift-system, swift-collections and swift-service-lifecycle to every clean build. Every
/// setting here needs a range check and a masked message of its own anyway.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String, searchPath: String?)

        public var isSQLite: Bool {
            if case .sqlite = self { return true }
            return false
        }
    }

    /// `DATABASE_URL`: `sqlite:PATH` or `postgres://USER:PASS@HOST:PORT/DB`.
    public var database: DatabaseChoice
    /// `VERDICT_DB_POOL`: PostgreSQL connections per event loop; several app servers share the
    /// database's connection limit.
    public var postgresPoolPerEventLoop = 4
    /// `VERDICT_DB_POOL_WAIT`: seconds a request waits for a free database connection (SQLite
    /// or PostgreSQL) before it is answered 503 with Retry-After.
    public var databasePoolWaitSeconds = 10
    /// `VERDICT_PAGE_CACHE_MB`: memory for rendered public pages; 0 renders every request.
    public var pageCacheMegabytes = 256
    /// `VERDICT_DATA_CACHE_MB`: memory for the data pages are rendered from (a tool's facts,
    /// takes and history), so that a page dropped by a vote renders again without reading them;
    /// 0 reads them on every render.
    public var dataCacheMegabytes = 64
    /// `VERDICT_SHARED_CACHE_SECONDS`: how long a CDN or proxy in front may keep a page for
    /// readers without cookies (`s-maxage`); 0, the default, lets it keep nothing unvalidated.
    public var sharedCacheSeconds = 0
    /// `VERDICT_SECRET`: key for signing cookies. When unset, one is generated once and kept in
    /// the database so that every app server sharing it agrees.
    public var secret: String?
    /// `VERDICT_PUBLIC_URL`: the origin used in links that leave the site (feeds, mail), e.g.
    /// https://verdict.example, without a trailing slash.
    public var publicURL: String?
    /// `VERDICT_STATIC_ORIGIN`: where a static export of the site is served (`verdict export`);
    /// its pages' vote, pick and subscribe forms are accepted from that origin.
    public var staticOrigin: String?
    /// `VERDICT_DEMO`: load the demo catalog into an empty database on `serve`.
    public var seedDemo: Bool
    /// `VERDICT_SECURE_COOKIES`: mark session cookies Secure and name them `__Host-…`; unset
    /// means on exactly when `publicURL` is https. Off only for local HTTP.
    public var secureCookies: Bool?
    /// Abuse limits for votes; see docs/methodology.md.
    public var limits = VoteLimits()
    /// `VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR`: newsletter subscribes one network (/24 or /64)
    /// may make per hour on one app server, so nobody can mail-bomb a list of strangers.
    public var subscribesPerNetworkPerHour = 20
    /// Model backends for the panel; empty means the offline rubric only.
    public var llm = LLMConfig(backends: [])
    /// How mail leaves and who it is from.
    var mail = MailSettings()
    /// `VERDICT_DIGEST_SCHEDULE`: when `serve` sends the weekly digest by itself (UTC); nil
    /// (`off`) leaves it to `verdict newsletter compose|send`.
    public var digestSchedule: DigestSchedule?
    /// The public datasets `serve` syncs daily and `verdict sync` syncs by hand.
    public var intake = IntakeSettings()
    /// Who may read `/metrics` (`VERDICT_METRICS_TOKEN`, `VERDICT_METRICS_ALLOW`).
    var metrics = MetricsSettings()
    /// Each setting's shown value (secrets masked) and source, for `verdict config`.
    public var report: [SettingEntry] = []

    public init(database: DatabaseChoice, secret: String? = nil, publicURL: String? = nil, seedDemo: Bool = true) {
        self.database = database
        self.secret = secret
        self.publicURL = publicURL
        self.seedDemo = seedDemo
    }

    /// True when links point at an HTTPS origin, so cookies can be marked Secure.
    public var isHTTPS: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    /// Whether session cookies are Secure (and so may carry the `__Host-` prefix).
    public var sessionCookiesSecure: Bool { secureCookies ?? isHTTPS }

    /// The origin every link in mail uses.
    var mailPublicURL: String { publicURL ?? "http://127.0.0.1:8080" }

    /// Shortest `VERDICT_SECRET` accepted: a guessable key lets anyone forge device cookies.
    static let minimumSecretBytes = 32
}

/// How mail leaves: an SMTP server (`VERDICT_SMTP_URL`) or, by default, an outbox folder of
/// `.eml` files (`VERDICT_OUTBOX`); and who it is from (`VERDICT_MAIL_FROM`).
struct MailSettings: Sendable {
    static let defaultFrom = EmailAddress("verdict@localhost.localdomain")!

    var smtp: SMTPConfig?
    var from = Self.defaultFrom
    var outbox = "outbox"
}
