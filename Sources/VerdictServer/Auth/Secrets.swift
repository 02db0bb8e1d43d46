import Crypto
import Foundation

/// Random secrets handed out once (session cookies, API tokens) and kept only as SHA-256.
enum Secrets {
    /// 32 random bytes, base64url, with a readable prefix.
    static func generate(prefix: String) -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: .min ... .max, using: &rng) }
        return prefix + Data(bytes).base64URLEncoded
    }

    /// Hex SHA-256 of the secret. These secrets are 256-bit random, so a fast hash is enough:
    /// a stolen table cannot be brute-forced back into working credentials.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
