import Foundation

/// The datasets a server syncs, from `VERDICT_SOURCES=FORMAT=LOCATION[,FORMAT=LOCATION…]`, e.g.
/// `models.dev=https://models.dev/api.json,litellm=/srv/data/litellm.json`. A source is named by its
/// format, so each format appears at most once; a location is an http(s) URL or a file path.
public struct SourceList: Sendable, Equatable {
    public struct Source: Sendable, Hashable {
        public var format: PriceDataset
        public var location: Location
        /// The source's name in `verdict sync --source` and on the desk: its format.
        public var name: String { format.rawValue }

        public init(format: PriceDataset, location: Location) {
            self.format = format
            self.location = location
        }
    }

    public enum Location: Sendable, Hashable, CustomStringConvertible {
        case url(String)
        case file(String)

        public var description: String {
            switch self {
            case .url(let url): url
            case .file(let path): path
            }
        }
    }

    public var sources: [Source]

    public init(_ sources: [Source]) { self.sources = sources }

    /// Parses the variable's value; an empty value is no sources. Throws a message naming the
    /// entry that is wrong.
    public static func parse(_ text: String) throws(SourceListError) -> SourceList {
        var sources: [Source] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: true) {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            guard let eq = entry.firstIndex(of: "=") else {
                throw SourceListError("\"\(entry)\" is not FORMAT=LOCATION")
            }
            let name = String(entry[..<eq]).trimmingCharacters(in: .whitespaces)
            let location = String(entry[entry.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            guard let format = PriceDataset(rawValue: name.lowercased()) else {
                let known = PriceDataset.allCases.map(\.rawValue).joined(separator: ", ")
                throw SourceListError("\"\(name)\" is not a dataset format (one of \(known))")
            }
            guard !location.isEmpty else { throw SourceListError("\(format.rawValue) has no location") }
            guard !sources.contains(where: { $0.format == format }) else {
                throw SourceListError("\(format.rawValue) is listed twice")
            }
            let lower = location.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                guard let url = URL(string: location), url.host?.isEmpty == false else {
                    throw SourceListError("\(format.rawValue): \"\(location)\" is not a URL")
                }
                sources.append(Source(format: format, location: .url(location)))
            } else if lower.contains("://") {
                throw SourceListError("\(format.rawValue): only http, https and file paths are fetched, not \"\(location)\"")
            } else {
                sources.append(Source(format: format, location: .file(location)))
            }
        }
        return SourceList(sources)
    }

    /// The source named `name` (a format), if configured.
    public func source(named name: String) -> Source? {
        sources.first { $0.name == name.lowercased() }
    }
}

public struct SourceListError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "VERDICT_SOURCES: \(message)" }
}
