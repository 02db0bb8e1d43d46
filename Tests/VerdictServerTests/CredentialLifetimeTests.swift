import Fluent
import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

/// Issue 17, finding 7: a new password or a disabled account stops every token and session,
/// enabling the account brings none back, and tokens may expire.
@Suite("Credential lifetimes: password changes, disable/enable, token expiry")
struct CredentialLifetimeTests {
    static let adminTools = "/api/v1/admin/tools"

    @Test("A new password revokes the account's tokens and ends its sessions; other accounts keep theirs")
    func passwordChange() async throws {
        try await withTestApp(seedDemo: false) { app in
            let ed = try await app.makeUser("ed@example.com", role: .editor)
            try await app.makeUser("other@example.com", role: .editor)
            let browser = try await app.signIn("ed@example.com")
            let token = try await app.makeToken("ed-ci", owner: "ed@example.com", scope: .read)
            let otherToken = try await app.makeToken("other-ci", owner: "other@example.com", scope: .read)
            #expect(try await app.api(.GET, Self.adminTools, token: token).status == .ok)
            let newPassword = "a completely new passphrase 2026"
            let hash = try await Passwords.hash(newPassword, on: app)
            let revoked = try await AccountChanges.apply(
                .password, to: ed, passwordHash: hash, actor: "test", now: TestApp.pinned, on: app.db)
            #expect(revoked == ["ed-ci"])
            #expect(try await app.api(.GET, Self.adminTools, token: token).status == .unauthorized)
            #expect(try await app.browse(.GET, "/admin", as: browser).status == .seeOther)
            #expect(try await app.api(.GET, Self.adminTools, token: otherToken).status == .ok)
            #expect(try await app.postLogin("ed@example.com", testPassword).status == .unauthorized)
            #expect(try await app.postLogin("ed@example.com", newPassword).status == .seeOther)
            let row = try #require(try await APITokenModel.find(name: "ed-ci", on: app.db))
            #expect(TokenListCommand.state(row, now: TestApp.pinned).hasPrefix("revoked"))
        }
    }

    @Test("`verdict user disable` then `enable`: the old token and session stay dead; new ones work")
    func disableThenEnable() async throws {
        try await withTestApp(seedDemo: false) { app in
            try await app.makeUser("ed@example.com", role: .editor)
            let browser = try await app.signIn("ed@example.com")
            let token = try await app.makeToken("ed-ci", owner: "ed@example.com", scope: .read)
            try await app.runCommand(["user", "disable", "--email", "ed@example.com"])
            #expect(try await app.api(.GET, Self.adminTools, token: token).status == .unauthorized)
            try await app.runCommand(["user", "enable", "--email", "ed@example.com"])
            #expect(try await app.api(.GET, Self.adminTools, token: token).status == .unauthorized)
            #expect(try await app.browse(.GET, "/admin", as: browser).status == .seeOther)
            // The account itself works again: a fresh sign-in and a fresh token.
            _ = try await app.signIn("ed@example.com")
            let fresh = try await app.makeToken("ed-ci-2", owner: "ed@example.com", scope: .read)
            #expect(try await app.api(.GET, Self.adminTools, token: fresh).status == .ok)
        }
    }

    @Test("A token past its expiry is refused; `token create --expires-in-days` stores the date")
    func expiry() async throws {
        try await withTestApp(seedDemo: false) { app in
            let ed = try await app.makeUser("ed@example.com", role: .editor)
            let expires = TestApp.pinned.addingTimeInterval(86_400)
            let (row, token) = try await APITokens.create(name: "short", scope: .read, owner: ed, expiresAt: expires, on: app.db)
            #expect(try await app.api(.GET, Self.adminTools, token: token).status == .ok)
            #expect(TokenListCommand.state(row, now: TestApp.pinned).hasPrefix("active, expires"))
            app.dependencies.clock = .fixed(expires.addingTimeInterval(1))
            #expect(try await app.api(.GET, Self.adminTools, token: token).status == .unauthorized)
            #expect(TokenListCommand.state(row, now: expires.addingTimeInterval(1)).hasPrefix("expired"))

            try await app.runCommand(["token", "create", "--email", "ed@example.com", "--name", "weekly", "--expires-in-days", "7"])
            let weekly = try #require(try await APITokenModel.find(name: "weekly", on: app.db))
            #expect(weekly.expiresAt == expires.addingTimeInterval(1 + 7 * 86_400))
            for bad in ["0", "-3", "seven", "3651"] {
                #expect(throws: ConfigError.self) { try TokenCreateCommand.expiry(days: bad, now: TestApp.pinned) }
            }
            #expect(try TokenCreateCommand.expiry(days: nil, now: TestApp.pinned) == nil)
        }
    }
}

extension Application {
    /// Runs one CLI verb (`verdict …`) against this app, as an operator would.
    func runCommand(_ arguments: [String]) async throws {
        var context = CommandContext(console: console, input: CommandInput(arguments: ["verdict"] + arguments))
        context.application = self
        try await asyncCommands.group().run(using: &context)
    }
}
