import Crypto
import Foundation

/// The site's few cryptographic building blocks, used by sessions, API tokens, voter and device
/// cookies, CSRF tokens, newsletter links and facts hashes.
enum SiteCrypto {
    /// A random 256-bit secret, base64url, with a readable prefix (`vds_`, `vdt_`, or none).
    static func generate(prefix: String = "") -> String {
        prefix + SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64URLEncoded }
    }

    /// Hex SHA-256. Secrets handed out are 256-bit random, so a fast hash is enough to store
    /// them: a stolen table cannot be brute-forced back into working credentials.
    static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }

    static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Bytes as lowercase hex, two digits each (without `String(format:)`, which a page render
    /// would pay a dozen times for its ETag).
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// HMAC-SHA256 of `message` under the site key, base64url.
    static func mac(_ message: String, key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)).base64URLEncoded
    }

    /// Whether `token` is `mac(message)`, compared in constant time.
    static func verify(_ token: String?, of message: String, key: SymmetricKey) -> Bool {
        guard let token, let data = Data(base64URL: token) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(data, authenticating: Data(message.utf8), using: key)
    }
}
