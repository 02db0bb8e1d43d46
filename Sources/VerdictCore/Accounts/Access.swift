/// Who may do what. Every route declares an `Access`; the server refuses any route without one.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// Curates the catalog: tools, facts, the panel, moderation, imports.
    case editor
    /// Everything an editor does, plus subscribers, sends, the audit log, settings and tokens.
    case admin

    private var rank: Int { self == .editor ? 1 : 2 }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// What an API token may do: `read` tokens may only read; `write` tokens may also change.
public enum TokenScope: String, Sendable, CaseIterable, Codable {
    case read, write
}

/// The party behind a request.
public enum Principal: Sendable, Equatable {
    case anonymous
    /// A person signed in with a session cookie.
    case person(email: String, role: Role)
    /// An API token; it never has more rights than the account that owns it.
    case token(name: String, owner: String, role: Role, scope: TokenScope)

    /// How the audit log names this party.
    public var actor: String {
        switch self {
        case .anonymous: "anonymous"
        case .person(let email, _): "user:\(email)"
        case .token(let name, let owner, _, _): "token:\(name) (user:\(owner))"
        }
    }

    public var role: Role? {
        switch self {
        case .anonymous: nil
        case .person(_, let role), .token(_, _, let role, _): role
        }
    }
}

/// A route's rule.
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not.
    case open
    /// A signed-in person (browser session) with at least this role.
    case session(Role)
    /// A bearer token whose owner has at least this role and whose scope covers the action.
    case token(Role, TokenScope)

    public enum Decision: Sendable, Equatable {
        case allow
        /// Nobody is signed in (or the credential is missing or invalid): 401, or the login page.
        case unauthenticated
        /// Signed in, but not enough: 403.
        case forbidden(String)
    }

    public func decide(_ principal: Principal) -> Decision {
        switch (self, principal) {
        case (.open, _):
            return .allow
        case (.session, .anonymous), (.token, .anonymous):
            return .unauthenticated
        case (.session(let needed), .person(_, let role)):
            return role >= needed ? .allow : .forbidden("This needs the \(needed.rawValue) role; your account is \(role.rawValue).")
        case (.session, .token):
            return .unauthenticated
        case (.token, .person):
            return .unauthenticated
        case (.token(let needed, let scope), .token(_, _, let role, let has)):
            guard role >= needed else {
                return .forbidden("This needs a token owned by an \(needed.rawValue); its owner is \(role.rawValue).")
            }
            guard scope == .read || has == .write else {
                return .forbidden("This changes data; the token's scope is read.")
            }
            return .allow
        }
    }
}
