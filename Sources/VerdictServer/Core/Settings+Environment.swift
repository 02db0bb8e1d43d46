import FluentPostgresDriver
import Foundation
import VerdictCore

extension Settings {
    /// Reads every setting from `environment` over `envFiles` (earlier files win), over the
    /// defaults. Throws `SettingsError` on the first malformed or out-of-range value.
    public static func load(
        environment: [String: String], envFiles: [(path: String, values: [String: String])] = []
    ) throws -> Settings {
        var r = SettingsReader(
            layers: [.init(source: .environment, values: environment)]
                + envFiles.map { .init(source: .file($0.path), values: $0.values) })
        var s = Settings(database: try readDatabase(&r))
        s.postgresPoolPerEventLoop = try r.read(
            "VERDICT_DB_POOL", default: 4, expected: SettingParse.intExpected(1...100), show: String.init,
            parse: SettingParse.int(in: 1...100))
        s.databasePoolWaitSeconds = try r.read(
            "VERDICT_DB_POOL_WAIT", default: 10, expected: SettingParse.intExpected(1...600), show: String.init,
            parse: SettingParse.int(in: 1...600))
        s.pageCacheMegabytes = try r.read(
            "VERDICT_PAGE_CACHE_MB", default: s.pageCacheMegabytes, expected: SettingParse.intExpected(0...65_536), show: String.init,
            parse: SettingParse.int(in: 0...65_536))
        s.dataCacheMegabytes = try r.read(
            "VERDICT_DATA_CACHE_MB", default: s.dataCacheMegabytes, expected: SettingParse.intExpected(0...65_536), show: String.init,
            parse: SettingParse.int(in: 0...65_536))
        s.sharedCacheSeconds = try r.read(
            "VERDICT_SHARED_CACHE_SECONDS", default: 0, expected: SettingParse.intExpected(0...86_400), show: String.init,
            parse: SettingParse.int(in: 0...86_400))
        s.secret = try r.readOptional(
            "VERDICT_SECRET", unset: "unset: generated once, stored in the database",
            expected: "at least \(minimumSecretBytes) bytes (e.g. openssl rand -base64 48)", secrecy: .secret,
            parse: { $0.utf8.count >= minimumSecretBytes ? $0 : nil })
        s.publicURL = try r.readOptional(
            "VERDICT_PUBLIC_URL", unset: "unset: mail links use http://127.0.0.1:8080",
            expected: "an http:// or https:// origin such as https://verdict.example", parse: SettingParse.httpURL(originOnly: true))
        s.staticOrigin = try r.readOptional(
            "VERDICT_STATIC_ORIGIN", unset: "unset: forms are accepted from this site only",
            expected: "the http:// or https:// origin a `verdict export` is served from", parse: SettingParse.httpURL(originOnly: true))
        s.seedDemo = try r.read(
            "VERDICT_DEMO", default: true, expected: SettingParse.boolExpected, show: { $0 ? "on" : "off" },
            parse: SettingParse.bool)
        s.secureCookies = try r.readOptional(
            "VERDICT_SECURE_COOKIES", unset: "unset: on exactly when VERDICT_PUBLIC_URL is https",
            expected: SettingParse.boolExpected, show: { $0 ? "on" : "off" }, parse: SettingParse.bool)
        s.limits = try readLimits(&r)
        s.subscribesPerNetworkPerHour = try r.read(
            "VERDICT_SUBSCRIBES_PER_NETWORK_PER_HOUR", default: s.subscribesPerNetworkPerHour,
            expected: SettingParse.intExpected(1...1_000_000_000), show: String.init, parse: SettingParse.int(in: 1...1_000_000_000))
        s.llm = try readLLM(&r)
        s.mail = try readMail(&r)
        s.digestSchedule = try r.read(
            "VERDICT_DIGEST_SCHEDULE", default: nil, expected: DigestSchedule.expected,
            show: { $0?.description ?? "off" },
            parse: { $0.lowercased() == "off" ? .some(nil) : DigestSchedule($0).map { .some($0) } })
        s.metrics = try readMetrics(&r)
        s.intake = try readIntake(&r)
        s.report = r.entries
        return s
    }

    static func readDatabase(_ r: inout SettingsReader) throws -> DatabaseChoice {
        try r.read(
            "DATABASE_URL", default: .sqlite(path: "verdict.sqlite"),
            expected: "sqlite:PATH or postgres://USER:PASS@HOST[:PORT]/DB", secrecy: .url,
            show: { choice in
                switch choice {
                case .sqlite(let path): "sqlite:\(path)"
                case .postgres(let url, _): SettingsReader.maskingPassword(url)
                }
            },
            parse: parseDatabaseURL)
    }

    /// `sqlite:PATH` (or `sqlite://PATH`) or a URL PostgresKit accepts; nil otherwise. Checked
    /// here because PostgresKit's own error would print the URL, password included.
    static func parseDatabaseURL(_ raw: String) -> DatabaseChoice? {
        if raw.hasPrefix("sqlite:") {
            var path = String(raw.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            return path.isEmpty ? nil : .sqlite(path: path)
        }
        guard raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://"),
            (try? SQLPostgresConfiguration(url: raw)) != nil
        else { return nil }
        return .postgres(url: raw, searchPath: nil)
    }

    static func readLimits(_ r: inout SettingsReader) throws -> VoteLimits {
        var limits = VoteLimits()
        let perMinute = 1...1_000_000_000
        let perHour = 0...1_000_000_000
        limits.votesPerNetworkPerMinute = try r.read(
            "VERDICT_VOTES_PER_NETWORK_PER_MINUTE", default: limits.votesPerNetworkPerMinute,
            expected: SettingParse.intExpected(perMinute), show: String.init, parse: SettingParse.int(in: perMinute))
        limits.newVotersPerNetworkPerHour = try r.read(
            "VERDICT_NEW_VOTERS_PER_NETWORK_PER_HOUR", default: limits.newVotersPerNetworkPerHour,
            expected: SettingParse.intExpected(perHour), show: String.init, parse: SettingParse.int(in: perHour))
        let proxies = try r.read(
            "VERDICT_TRUSTED_PROXIES", default: "", expected: "comma-separated CIDR ranges such as 10.0.0.0/8,fd00::/8",
            show: { $0.isEmpty ? "none" : $0 }, parse: { (try? CIDR.list($0)) == nil ? nil : $0 })
        limits.trustedProxies = (try? CIDR.list(proxies)) ?? []
        return limits
    }

    static func readMail(_ r: inout SettingsReader) throws -> MailSettings {
        var mail = MailSettings()
        mail.smtp = try r.readOptional(
            "VERDICT_SMTP_URL", unset: "unset: mail is written to the outbox",
            expected: "smtp://USER:PASS@HOST:PORT (STARTTLS when offered) or smtps://USER:PASS@HOST:PORT",
            secrecy: .url, parse: { try? SMTPConfig.parse($0) })
        mail.from = try r.read(
            "VERDICT_MAIL_FROM", default: mail.from, expected: "an email address such as verdict@example.org",
            show: { $0.value }, parse: EmailAddress.init)
        mail.outbox = try r.read(
            "VERDICT_OUTBOX", default: mail.outbox, expected: "a folder path", show: { $0 }, parse: { $0 })
        return mail
    }
}
