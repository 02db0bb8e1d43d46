import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue 17, finding 5: the per-account sign-in limit holds for every browser, however many
/// device cookies it shows.
@Suite("Sign-in lock: device cookies never lift the account's limit")
struct LoginLockTests {
    @Test("Forged device cookies: 25 wrong guesses end in 429s, the right password is refused while locked and works after")
    func forgedDeviceCookies() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let key = try #require(app.verdict.signingKey)
            // Someone who learned the signing secret mints a fresh device cookie for every guess.
            let forged = { (i: Int) in DeviceCookie.value(device: "forged-\(i)", email: "ed@example.com", key: key) }
            var statuses: [HTTPStatus] = []
            for i in 0..<25 {
                let res = try await app.postLogin("ed@example.com", "attacker guess number \(i)", device: forged(i))
                statuses.append(res.status)
                if res.status == .tooManyRequests { #expect(Int(res.headers.first(name: .retryAfter) ?? "") ?? 0 > 0) }
            }
            let throttle = LoginThrottle()
            #expect(statuses.filter { $0 == .unauthorized }.count == throttle.perAccount + throttle.knownDeviceAllowance)
            #expect(statuses.suffix(15).allSatisfy { $0 == .tooManyRequests })
            // While locked, the right password is refused from every browser, with or without a cookie.
            for device in [forged(99), nil] {
                let held = try await app.postLogin("ed@example.com", testPassword, device: device)
                #expect(held.status == .tooManyRequests)
                #expect(Int(held.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
                #expect(held.headers.setCookie?["verdict_session"] == nil)
            }
            // Once the failures leave the window the owner signs in again.
            app.dependencies.clock = .fixed(TestApp.pinned.addingTimeInterval(throttle.window + 1))
            #expect(try await app.postLogin("ed@example.com", testPassword).status == .seeOther)
        }
    }

    @Test("A genuine device cookie keeps its allowance against anonymous guessing, but not past the account's cap")
    func genuineDeviceIsBounded() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let first = try await app.postLogin("ed@example.com", testPassword)
            let device = try #require(first.headers.setCookie?["verdict_device"]?.string)
            // Anonymous guessing holds anonymous browsers only…
            for _ in 0..<30 { _ = try await app.postLogin("ed@example.com", "anonymous guessing here") }
            #expect(try await app.postLogin("ed@example.com", testPassword).status == .tooManyRequests)
            // …while the owner's browser may still fail a few times (a typo) and is then held too:
            // a stolen device cookie buys no more than that.
            var statuses: [HTTPStatus] = []
            for _ in 0..<10 { statuses.append(try await app.postLogin("ed@example.com", "typo from the owner", device: device).status) }
            #expect(statuses.filter { $0 == .unauthorized }.count == LoginThrottle().knownDeviceAllowance)
            #expect(statuses.last == .tooManyRequests)
            #expect(try await app.postLogin("ed@example.com", testPassword, device: device).status == .tooManyRequests)
        }
    }
}
