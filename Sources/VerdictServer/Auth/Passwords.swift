import Crypto
import Foundation
import Vapor
import VerdictCore

/// Password hashing (bcrypt, cost 12, off the event loop) and the password policy with the
/// bundled common-password list.
enum Passwords {
    static let cost = 12

    /// Lowercased common passwords of 12 characters or more (shorter ones fail on length);
    /// provenance in Resources/README.md.
    static let policy: PasswordPolicy = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return PasswordPolicy(common: []) }
        let words = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return PasswordPolicy(common: Set(words.filter { !$0.isEmpty }))
    }()

    static func hash(_ password: String, on app: Application) async throws -> String {
        let input = prehashed(password)
        return try await app.threadPool.runIfActive { try Bcrypt.hash(input, cost: cost) }
    }

    static func verify(_ password: String, hash: String, on app: Application) async throws -> Bool {
        let input = prehashed(password)
        return try await app.threadPool.runIfActive { (try? Bcrypt.verify(input, created: hash)) ?? false }
    }

    /// bcrypt reads only 72 bytes: the password is first reduced to its base64 SHA-256 (44
    /// bytes), so every character of a long passphrase counts.
    static func prehashed(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    /// Verified against for unknown accounts, so a wrong email costs the same bcrypt work as a
    /// wrong password. A constant (cost 12, of a random secret nobody kept): computing it lazily
    /// would make the first unknown-account sign-in measurably slower.
    static let decoyHash = "$2b$12$FpI9aiZQD/wpsE5HhvNfVOKtieE1pv13ASgnSKIRsmVlOfdIJEvG6"
}
