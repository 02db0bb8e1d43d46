import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import VerdictCore

@testable import VerdictServer

/// A signed-in browser: its session cookie and the form token its pages carry.
struct Browser {
    var cookie: String
    var csrf: String
}

let testPassword = "a long enough test passphrase 7"

extension Application {
    @discardableResult
    func makeUser(_ email: String, role: Role, password: String = testPassword) async throws -> UserModel {
        let user = UserModel(email: email, passwordHash: try await VerdictServer.Passwords.hash(password, on: self), role: role)
        try await user.create(on: db)
        return user
    }

    func makeToken(_ name: String, owner email: String, scope: TokenScope) async throws -> String {
        let owner = try #require(try await UserModel.query(on: db).filter(\.$email == email).first())
        return try await APITokens.create(name: name, scope: scope, owner: owner, on: db).1
    }

    /// Sends a request with any headers.
    func sendRaw(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil) async throws -> TestingHTTPResponse
    {
        try await testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Posts the login form; returns the response.
    func postLogin(_ email: String, _ password: String, cookie: String? = nil, device: String? = nil, next: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie {
            headers.add(name: .cookie, value: "\(VerdictServer.Sessions.cookieName(secure: settings.sessionCookiesSecure))=\(cookie)")
        }
        if let device { headers.add(name: .cookie, value: "verdict_device=\(device)") }
        var form = "email=\(email.formEscaped)&password=\(password.formEscaped)"
        if let next { form += "&next=\(next.formEscaped)" }
        return try await sendRaw(.POST, "/login", headers: headers, body: form)
    }

    /// Signs in and loads the desk to read its form token.
    func signIn(_ email: String, password: String = testPassword) async throws -> Browser {
        let res = try await postLogin(email, password)
        let name = VerdictServer.Sessions.cookieName(secure: settings.sessionCookiesSecure)
        let cookie = try #require(res.headers.setCookie?[name]?.string, "no session cookie: \(res.status) \(res.text.prefix(300))")
        let desk = try await browse(.GET, "/admin", as: Browser(cookie: cookie, csrf: ""))
        let csrf = try #require(desk.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1, "no csrf field on /admin (\(desk.status))")
        return Browser(cookie: cookie, csrf: String(csrf))
    }

    /// A request from a signed-in browser; `form` gets the CSRF token appended unless `csrf: false`.
    func browse(
        _ method: HTTPMethod, _ path: String, as browser: Browser?, form: String? = nil, csrf: Bool = true,
        extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        if let browser {
            headers.add(
                name: .cookie, value: "\(VerdictServer.Sessions.cookieName(secure: settings.sessionCookiesSecure))=\(browser.cookie)")
        }
        var body: String?
        if method != .GET {
            headers.contentType = .urlEncodedForm
            var fields = form ?? ""
            if csrf, let browser { fields += (fields.isEmpty ? "" : "&") + "csrf=\(browser.csrf.formEscaped)" }
            body = fields
        }
        return try await sendRaw(method, path, headers: headers, body: body)
    }

    /// A request to the admin API with a bearer token.
    func api(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if json != nil { headers.contentType = .json }
        return try await sendRaw(method, path, headers: headers, body: json)
    }
}

extension String {
    var formEscaped: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
