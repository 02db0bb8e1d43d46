import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

@Suite("Accounts: sign-in, sessions, throttling, CSRF")
struct AuthTests {
    @Test("Signing in sets an HttpOnly, SameSite=Lax session cookie and opens the desk; signing out ends it")
    func signInAndOut() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let res = try await app.postLogin("ed@example.com", testPassword, next: "/admin/takes")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/admin/takes")
            let cookie = try #require(res.headers.setCookie?["verdict_session"])
            #expect(cookie.isHTTPOnly && cookie.sameSite == .lax && cookie.path == "/" && !cookie.isSecure)
            let browser = try await app.signIn("ed@example.com")
            #expect(try await app.browse(.GET, "/admin", as: browser).status == .ok)
            let out = try await app.browse(.POST, "/logout", as: browser)
            #expect(out.status == .seeOther)
            let after = try await app.browse(.GET, "/admin", as: browser)
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/login?next=/admin")
        }
    }

    @Test("With secure cookies the session cookie is __Host-verdict_session, Secure, Path=/ and no Domain")
    func hostPrefixedCookie() async throws {
        try await withTestApp(seedDemo: false) { app in
            app.settings.secureCookies = true
            try await app.makeUser("ed@example.com", role: .editor)
            let res = try await app.postLogin("ed@example.com", testPassword)
            let raw = res.headers[.setCookie].joined(separator: "\n")
            #expect(raw.contains("__Host-verdict_session="))
            #expect(raw.contains("Secure") && raw.contains("HttpOnly") && raw.contains("SameSite=Lax") && raw.contains("Path=/"))
            #expect(!raw.lowercased().contains("domain="))
        }
    }

    @Test("A wrong password and an unknown account get the same answer, and no session")
    func wrongCredentials() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let wrong = try await app.postLogin("ed@example.com", "not the right passphrase")
            let unknown = try await app.postLogin("nobody@example.com", testPassword)
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.headers.setCookie?["verdict_session"] == nil)
            #expect(wrong.text.contains("do not match an account") && unknown.text.contains("do not match an account"))
        }
    }

    @Test("Session fixation: sign-in never adopts the id the browser presented")
    func sessionFixation() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            // An attacker plants a cookie value (made-up, or their own real session).
            try await app.makeUser("mallory@example.com", role: .editor)
            let mallory = try await app.signIn("mallory@example.com")
            for planted in ["vds_attacker-chosen-value", mallory.cookie] {
                let res = try await app.postLogin("ed@example.com", testPassword, cookie: planted)
                let issued = try #require(res.headers.setCookie?["verdict_session"]?.string)
                #expect(issued != planted)
                // The planted id is not signed in as the victim (nor at all, once replaced).
                let planted = try await app.browse(.GET, "/admin", as: Browser(cookie: planted, csrf: ""))
                #expect(planted.status == .seeOther)
            }
        }
    }

    @Test("Five failed sign-ins hold the account (429 with Retry-After) even with the right password next")
    func throttlePerAccount() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            for _ in 0..<5 { #expect(try await app.postLogin("ed@example.com", "wrong passphrase here").status == .unauthorized) }
            let held = try await app.postLogin("ed@example.com", testPassword)
            #expect(held.status == .tooManyRequests)
            #expect(Int(held.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            #expect(held.headers.setCookie?["verdict_session"] == nil)
            // Another account from elsewhere is not held by this one's failures.
            try await app.makeUser("other@example.com", role: .editor)
            #expect(try await app.postLogin("other@example.com", testPassword).status == .seeOther)
        }
    }

    @Test("Thirty wrong passwords sent at once: no more than the limit reach bcrypt, the rest are held")
    func throttleUnderConcurrency() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<30 { group.addTask { try await app.postLogin("ed@example.com", "wrong passphrase here").status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 25)
        }
    }

    @Test("A browser that signed in before has its own allowance: an anonymous attacker's failures do not lock its owner out")
    func deviceCookie() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let first = try await app.postLogin("ed@example.com", testPassword)
            let device = try #require(first.headers.setCookie?["verdict_device"]?.string)
            for _ in 0..<20 { _ = try await app.postLogin("ed@example.com", "attacker guessing here") }
            #expect(try await app.postLogin("ed@example.com", testPassword).status == .tooManyRequests)
            // The cookie is signed and bound to its account: forged without the secret it is an
            // unknown browser, held like any other.
            #expect(try await app.postLogin("ed@example.com", testPassword, device: "d1.forged.AAAA").status == .tooManyRequests)
            #expect(try await app.postLogin("ed@example.com", "still wrong for the owner", device: device).status == .unauthorized)
            #expect(try await app.postLogin("ed@example.com", testPassword, device: device).status == .seeOther)
        }
    }

    @Test("Twenty failures from one network hold every account from that network")
    func throttlePerNetwork() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            for i in 0..<20 { _ = try await app.postLogin("guess\(i)@example.com", "wrong passphrase here") }
            #expect(try await app.postLogin("ed@example.com", testPassword).status == .tooManyRequests)
        }
    }

    @Test("Desk forms without the session's token, or with another session's, are refused with 403")
    func csrfToken() async throws {
        try await withTestApp(seedDemo: true) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            try await app.makeUser("other@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            let other = try await app.signIn("other@example.com")
            #expect(try await app.browse(.POST, "/admin/tools/smollm3/retire", as: ed, csrf: false).status == .forbidden)
            let crossed = Browser(cookie: ed.cookie, csrf: other.csrf)
            #expect(try await app.browse(.POST, "/admin/tools/smollm3/retire", as: crossed).status == .forbidden)
            #expect(try await ToolModel.find(slug: "smollm3", on: app.db)?.retiredAt == nil)
            #expect(try await app.browse(.POST, "/admin/tools/smollm3/retire", as: ed).status == .seeOther)
            #expect(try await ToolModel.find(slug: "smollm3", on: app.db)?.retiredAt != nil)
        }
    }

    @Test("A cross-site POST is refused with 403 even with a valid session and token")
    func crossSite() async throws {
        try await withTestApp(seedDemo: true) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let ed = try await app.signIn("ed@example.com")
            for extra: HTTPHeaders in [["Sec-Fetch-Site": "cross-site"], ["Origin": "https://evil.example"]] {
                let res = try await app.browse(.POST, "/admin/tools/smollm3/retire", as: ed, extra: extra)
                #expect(res.status == .forbidden)
            }
            let login = try await app.sendRaw(
                .POST, "/login", headers: ["Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"],
                body: "email=ed%40example.com&password=x")
            #expect(login.status == .forbidden)
            #expect(try await ToolModel.find(slug: "smollm3", on: app.db)?.retiredAt == nil)
        }
    }

    @Test("After sign-in only desk paths are followed (no open redirect)")
    func noOpenRedirect() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            for next in ["//evil.example/admin", "https://evil.example", "/admin//evil", "/\\evil"] {
                let res = try await app.postLogin("ed@example.com", testPassword, next: next)
                #expect(res.headers.first(name: .location) == "/admin")
            }
        }
    }

    @Test("A disabled account's sessions and tokens stop working")
    func disabledAccount() async throws {
        try await withTestApp(seedDemo: false) { app in
            let user = try await app.makeUser("ed@example.com", role: .editor)
            let browser = try await app.signIn("ed@example.com")
            let token = try await app.makeToken("t", owner: "ed@example.com", scope: .read)
            user.disabledAt = Date()
            try await user.save(on: app.db)
            #expect(try await app.browse(.GET, "/admin", as: browser).status == .seeOther)
            #expect(try await app.api(.GET, "/api/v1/admin/tools", token: token).status == .unauthorized)
            #expect(try await app.postLogin("ed@example.com", testPassword).status == .unauthorized)
        }
    }

    @Test("The password policy: length, common passwords, the email's name")
    func passwordPolicy() {
        let policy = Passwords.policy
        #expect(policy.common.count > 300)
        #expect(policy.problem(with: "short", email: "ed@example.com")?.contains("12 characters") == true)
        #expect(policy.problem(with: String(repeating: "é", count: 129), email: "ed@example.com")?.contains("128 characters") == true)
        #expect(policy.problem(with: "pässwörd-ünïcode-" + String(repeating: "ß", count: 100), email: "ed@example.com") == nil)
        let common = try! #require(policy.common.first)
        #expect(policy.problem(with: common.uppercased(), email: "ed@example.com")?.contains("commonly used") == true)
        #expect(policy.problem(with: "aaaaaaaaaaaaaaab", email: "ed@example.com") != nil)
        #expect(policy.problem(with: "editor-on-duty-2026", email: "editor@example.com")?.contains("email") == true)
        #expect(policy.problem(with: testPassword, email: "ed@example.com") == nil)
    }

    @Test("Long passphrases count in full: two that share their first 72 bytes are different passwords")
    func longPassphrases() async throws {
        try await withTestApp(seedDemo: false) { app in
            let long = String(repeating: "correct horse battery staple ", count: 3)
            try await app.makeUser("ed@example.com", role: .editor, password: long + "A")
            #expect(try await app.postLogin("ed@example.com", long + "B").status == .unauthorized)
            #expect(try await app.postLogin("ed@example.com", long + "A").status == .seeOther)
        }
    }

    @Test("Passwords are stored as bcrypt with cost 12, never in clear")
    func bcryptAtRest() async throws {
        try await withTestApp(seedDemo: false) { app in
            let user = try await app.makeUser("ed@example.com", role: .editor)
            #expect(user.passwordHash.hasPrefix("$2b$12$"))
            #expect(!user.passwordHash.contains(testPassword))
        }
    }
}
