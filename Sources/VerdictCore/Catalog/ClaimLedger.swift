import Foundation

/// Where a vendor claim stands: nobody has checked it, someone has and it held, or the
/// evidence says otherwise.
public enum ClaimStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case unverified, verified, disputed

    public var label: String {
        switch self {
        case .unverified: "Unverified"
        case .verified: "Verified"
        case .disputed: "Disputed"
        }
    }
}

/// An editor's check of one vendor claim: who checked it, how, the evidence and the day.
/// Set on the desk (audited), never by an import file: a vendor cannot verify its own claims.
public struct ClaimCheck: Codable, Sendable, Hashable {
    /// The claim's words exactly as `facts.claims` holds them; the check follows the words.
    public var claim: String
    public var status: ClaimStatus
    /// The editor (or team) who checked it.
    public var checkedBy: String
    /// How it was checked: "re-ran the vendor's eval on our hardware", "read the audit report".
    public var method: String
    /// The evidence for a verified claim, or the counter-evidence for a disputed one.
    public var evidenceURL: String?
    /// A disputed claim's counter-evidence in words.
    public var note: String?
    /// "YYYY-MM-DD".
    public var checkedOn: String

    public init(
        claim: String, status: ClaimStatus, checkedBy: String, method: String, evidenceURL: String? = nil, note: String? = nil,
        checkedOn: String
    ) {
        self.claim = claim
        self.status = status
        self.checkedBy = checkedBy
        self.method = method
        self.evidenceURL = evidenceURL
        self.note = note
        self.checkedOn = checkedOn
    }

    enum CodingKeys: String, CodingKey {
        case claim, status, method, note
        case checkedBy = "checked_by"
        case evidenceURL = "evidence_url"
        case checkedOn = "checked_on"
    }
}

/// A tool's claims with their status: every claim the facts declare, in their order, with the
/// editors' check where there is one and *unverified* where there is not.
public struct ClaimLedger: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var claim: String
        public var check: ClaimCheck?
        public var status: ClaimStatus { check?.status ?? .unverified }
    }

    public var entries: [Entry]

    public init(claims: [String], checks: [ClaimCheck]) {
        let byClaim = Dictionary(checks.map { ($0.claim, $0) }, uniquingKeysWith: { _, last in last })
        entries = claims.map { Entry(claim: $0, check: byClaim[$0].flatMap { $0.status == .unverified ? nil : $0 }) }
    }

    public func claims(_ status: ClaimStatus) -> [String] { entries.filter { $0.status == status }.map(\.claim) }

    /// The checks that say more than "unverified", in claim order: what the panel is shown besides
    /// the claims themselves, and what the facts hash covers (so a check re-runs the panel).
    public var checked: [ClaimCheck] { entries.compactMap(\.check) }

    /// The longest claim an editor may check, and the longest method or note.
    public static let maxClaim = 300
    public static let maxText = 500
}

extension Tool {
    /// The claims the facts declare, with the editors' checks.
    public var ledger: ClaimLedger { ClaimLedger(claims: facts.claims ?? [], checks: claimChecks ?? []) }
}

/// Why an editor's claim check was refused, in words the desk shows.
public struct ClaimCheckProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
}

extension ClaimCheck {
    /// An editor's check as typed on the desk, validated: nil for "unverified" (the check is
    /// removed). Verified and disputed need the method and an http(s) evidence link; every text
    /// is cleaned of hidden characters and kept to `ClaimLedger.maxText`.
    public static func validated(
        claim: String, status rawStatus: String, checkedBy: String, method: String?, evidenceURL: String?, note: String?,
        checkedOn: String
    ) throws(ClaimCheckProblem) -> ClaimCheck? {
        guard let status = ClaimStatus(rawValue: rawStatus) else {
            throw ClaimCheckProblem(description: "status must be one of \(ClaimStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard status != .unverified else { return nil }
        func text(_ value: String?, _ name: String) throws(ClaimCheckProblem) -> String? {
            let cleaned = TextCleaning.clean(value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard cleaned.count <= ClaimLedger.maxText else {
                throw ClaimCheckProblem(description: "\(name) is longer than \(ClaimLedger.maxText) characters")
            }
            return cleaned.isEmpty ? nil : cleaned
        }
        guard let method = try text(method, "method") else {
            throw ClaimCheckProblem(description: "say how the claim was checked (method) before marking it \(status.rawValue)")
        }
        let link = (evidenceURL ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard link.count <= 2_000, let url = URL(string: link), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false
        else {
            throw ClaimCheckProblem(description: "a \(status.rawValue) claim needs an http(s) link to its evidence (evidence_url)")
        }
        let by = TextCleaning.clean(checkedBy).trimmingCharacters(in: .whitespacesAndNewlines)
        return ClaimCheck(
            claim: claim, status: status, checkedBy: String(by.prefix(120)), method: method, evidenceURL: link,
            note: try text(note, "note"), checkedOn: checkedOn)
    }
}
