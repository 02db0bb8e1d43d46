import Foundation

/// A tool in the catalog, as declared by an import file or the demo catalog.
public struct Tool: Codable, Sendable, Hashable {
    public var slug: String
    public var name: String
    public var vendor: String?
    public var category: String
    public var tagline: String?
    public var description: String
    public var entry: EntryTier
    public var homepage: String?
    /// The public page the facts were read from.
    public var sourceURL: String?
    public var facts: ToolFacts
    /// Who put the tool on the site when it was not the editors: labelled on every page showing it.
    public var listing: Listing?
    /// Editors' checks of the vendor's claims (`ClaimLedger`); never read from an import file.
    public var claimChecks: [ClaimCheck]?

    public init(
        slug: String, name: String, vendor: String? = nil, category: String,
        tagline: String? = nil, description: String, entry: EntryTier,
        homepage: String? = nil, sourceURL: String? = nil, facts: ToolFacts = ToolFacts(), listing: Listing? = nil,
        claimChecks: [ClaimCheck]? = nil
    ) {
        self.slug = slug
        self.name = name
        self.vendor = vendor
        self.category = category
        self.tagline = tagline
        self.description = description
        self.entry = entry
        self.homepage = homepage
        self.sourceURL = sourceURL
        self.facts = facts
        self.listing = listing
        self.claimChecks = claimChecks
    }

    public var categorySlug: String { Slug.make(category) }
}

/// A listing the editors did not choose on their own: the vendor submitted it, or paid for it.
public enum Listing: String, CaseIterable, Codable, Sendable, Hashable {
    case vendorSubmitted = "vendor_submitted"
    case sponsored

    /// The label shown beside the tool's name.
    public var label: String {
        switch self {
        case .vendorSubmitted: "Vendor-submitted"
        case .sponsored: "Sponsored"
        }
    }
}

/// Slug rules shared by tools and categories.
public enum Slug {
    /// Tool slugs: lowercase letters, digits and single hyphens; never containing `-vs-`,
    /// because `/compare/{a}-vs-{b}` splits on it.
    public static func isValidToolSlug(_ s: String) -> Bool {
        let bytes = s.utf8
        let hyphen = UInt8(ascii: "-")
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != hyphen, bytes.last != hyphen else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard allowed || (byte == hyphen && previous != hyphen) else { return false }
            previous = byte
        }
        return rangeOfVs(s) == nil
    }

    private static let vsBytes: [UInt8] = Array("-vs-".utf8)

    /// Where the first "-vs-" is in `s`, found by bytes (comparison addresses are parsed per request).
    public static func rangeOfVs(_ s: String) -> Range<String.Index>? {
        let pattern = vsBytes
        let bytes = s.utf8
        var start = bytes.startIndex
        while let end = bytes.index(start, offsetBy: pattern.count, limitedBy: bytes.endIndex) {
            if bytes[start] == pattern[0], bytes[start..<end].elementsEqual(pattern) { return start..<end }
            start = bytes.index(after: start)
        }
        return nil
    }

    /// Turns a display name ("Developer Tools") into a URL slug ("developer-tools").
    public static func make(_ text: String) -> String {
        var out = ""
        var lastWasHyphen = true
        for ch in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(Character(ch)) || ("0"..."9").contains(Character(ch)) {
                out.unicodeScalars.append(ch)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                out.append("-")
                lastWasHyphen = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
