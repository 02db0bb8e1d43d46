import Foundation

/// Why one call to a model backend failed, and whether trying again can help.
public enum CallFailure: Sendable, Hashable {
    case timeout
    case connectionRefused
    /// `retryAfter` in seconds, from the Retry-After header or the body's retry hint.
    case rateLimited(retryAfter: Double?)
    case server(status: Int)
    /// Out of credit or over a daily quota: retrying cannot succeed until an operator acts.
    case quotaExhausted
    case badRequest(status: Int, message: String)
    /// A 2xx reply that is truncated, not JSON, or not a valid take.
    case malformed(reason: String)

    public var isRetryable: Bool {
        switch self {
        case .timeout, .connectionRefused, .rateLimited, .server, .malformed: true
        case .quotaExhausted, .badRequest: false
        }
    }

    /// The failure an HTTP status means, or nil for 2xx. `now` resolves an HTTP-date Retry-After;
    /// without it a date is ignored and backoff alone applies.
    public static func classify(
        status: Int, body: String, retryAfterHeader: String?, now: Date? = nil
    ) -> CallFailure? {
        switch status {
        case 200...299: return nil
        case 408: return .timeout
        case 429: return classifyTooMany(body: body, retryAfter: retryAfter(retryAfterHeader, now: now))
        case 500...599: return .server(status: status)
        default:
            let message = String(TextCleaning.clean(body).trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
            return .badRequest(status: status, message: message)
        }
    }

    /// OpenAI says "insufficient_quota"; Gemini says "exceeded your current quota … billing" for
    /// per-minute limits too, but then sends a retry hint, and names daily limits "PerDay".
    static func classifyTooMany(body: String, retryAfter header: Double?) -> CallFailure {
        let text = body.lowercased()
        if text.contains("insufficient_quota") || text.contains("billing_hard_limit") || text.contains("perday") {
            return .quotaExhausted
        }
        let hint = header ?? bodyRetryDelay(body)
        if hint == nil, text.contains("quota") || text.contains("billing") { return .quotaExhausted }
        return .rateLimited(retryAfter: hint)
    }

    /// Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); a past date means now.
    static func retryAfter(_ header: String?, now: Date?) -> Double? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return seconds.isFinite && seconds >= 0 ? seconds : nil }
        guard let now, let date = httpDate(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must still accept.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Gemini's `"retryDelay": "15s"` in a 429 body's RetryInfo.
    static func bodyRetryDelay(_ body: String) -> Double? {
        guard let key = body.range(of: "\"retryDelay\"") else { return nil }
        let rest = body[key.upperBound...].drop { $0 == ":" || $0 == " " || $0 == "\"" }
        let number = rest.prefix { $0.isNumber || $0 == "." }
        guard rest.dropFirst(number.count).first == "s", let seconds = Double(number) else { return nil }
        return seconds
    }
}
