import Foundation

/// What a password must be: at least 12 characters (ASVS 2.1.1), at most 128 (ASVS 2.1.2; the
/// hash pre-hashes, so bcrypt's 72-byte limit does not cut long ones short), not a common
/// password, and not built from the account's own email address.
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// Lowercased common passwords.
    public let common: Set<String>

    public init(common: Set<String>) {
        self.common = common
    }

    /// Nil when acceptable; otherwise the reason, fit to show the person choosing it.
    public func problem(with password: String, email: String) -> String? {
        if password.count < Self.minimumLength {
            return "Passwords need at least \(Self.minimumLength) characters; this one has \(password.count)."
        }
        if password.count > Self.maximumLength {
            return "Passwords can be at most \(Self.maximumLength) characters; this one has \(password.count)."
        }
        let folded = password.lowercased()
        if common.contains(folded) || common.contains(folded.trimmingCharacters(in: .whitespaces)) {
            return "That password is on the list of commonly used passwords; choose another."
        }
        if Set(folded).count < 4 {
            return "That password repeats too few different characters; choose another."
        }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 4, folded.contains(local) || folded == email.lowercased() {
            return "The password must not contain the account's email name."
        }
        return nil
    }
}
