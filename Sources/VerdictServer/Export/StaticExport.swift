import Foundation
import Vapor
import VerdictCore

/// `verdict export DIR`: the public site as static files. Pages are fetched through the app's
/// own responder (the bytes a reader would get), starting from the home page, the indexes, the
/// feeds and the sitemap, and following every link to a public page; then every site link in
/// every page is made relative to its file, and every form (votes, subscribing, search, the
/// cost form) and every link to something dynamic points at the API origin, a running
/// `verdict serve`.
struct StaticExport {
    let app: Application
    /// Where forms and dynamic links go, e.g. `https://verdict.example.com` (no trailing slash).
    let apiOrigin: String
    var maxFiles = 200_000

    struct Summary: Sendable {
        var files = 0
        var pages = 0
        var bytes = 0
        /// Links to public pages that did not answer 200 (a broken link on the live site too).
        var broken: [String] = []
    }

    /// The endpoints a static host can serve: read-only, public, the same for every reader.
    static let exported: [Endpoint] = [
        .home, .tool, .compare, .compareCard, .category, .leaderboard, .leaderboardCategory, .methodology, .whatsNew,
        .toolsIndex, .categoriesIndex, .compareIndex, .badge, .feedAtom, .feedJSON, .sitemap, .persona, .newsletterArchive,
        .newsletterIssue, .stylesheet, .apiTool, .apiLeaderboard, .apiOpenAPI,
    ]

    static var seeds: [String] {
        [
            SiteURL.home, .tools(after: nil), .categories, .comparisons(page: 1), .leaderboard(category: nil), .methodology,
            .whatsNew(category: nil), .newsletterArchive, .feedAtom(category: nil), .feedJSON(category: nil), .sitemap,
            .stylesheet, .api(.openAPI), .api(.leaderboard(category: nil)),
        ].map(\.path) + Persona.allCases.map { SiteURL.persona($0).path }
    }

    /// The endpoint a site path belongs to, among the exported ones.
    static func endpoint(of path: String) -> Endpoint? {
        let segments = path.split(separator: "/").map(String.init)
        return exported.first { endpoint in
            let pattern = endpoint.pattern
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { component, segment in
                switch component {
                case .constant(let text): text == segment
                case .parameter: true
                default: false
                }
            }
        }
    }

    /// Splits a link as written in a page (`&amp;` unescaped, fragment apart).
    static func split(_ link: String) -> (path: String, query: String?, fragment: String?) {
        let unescaped = link.replacingOccurrences(of: "&amp;", with: "&")
        let (beforeFragment, fragment) =
            unescaped.firstIndex(of: "#").map { (String(unescaped[..<$0]), String(unescaped[unescaped.index(after: $0)...])) }
            ?? (unescaped, nil)
        if let q = beforeFragment.firstIndex(of: "?") {
            return (String(beforeFragment[..<q]), String(beforeFragment[beforeFragment.index(after: q)...]), fragment)
        }
        return (beforeFragment, nil, fragment)
    }

    /// The file a link is exported to, or nil when it stays dynamic.
    static func file(for link: String) -> String? {
        let (path, query, _) = split(link)
        guard let endpoint = endpoint(of: path) else { return nil }
        return StaticPaths.file(path: path, query: query, json: [.apiTool, .apiLeaderboard].contains(endpoint))
    }

    func run(into directory: URL, progress: (Int) -> Void = { _ in }) async throws -> Summary {
        var summary = Summary()
        var queue = Self.seeds
        var seen = Set(queue)
        var files: [String: String] = [:]  // link without fragment → file
        var aliases: [String: String] = [:]  // a redirecting link → where it leads
        var html: [String] = []
        var index = 0
        while index < queue.count, summary.files < maxFiles {
            let link = queue[index]
            index += 1
            let response = try await get(link)
            if (300..<400).contains(response.status.code), let location = response.headers.first(name: .location), location.hasPrefix("/") {
                aliases[link] = location
                if Self.file(for: location) != nil, seen.insert(location).inserted { queue.append(location) }
                continue
            }
            guard response.status == .ok, let file = Self.file(for: link) else {
                summary.broken.append("\(link) (\(response.status.code))")
                continue
            }
            let body = Data(buffer: response.body.buffer ?? ByteBuffer())
            let target = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: target)
            files[link] = file
            summary.files += 1
            summary.bytes += body.count
            progress(summary.files)
            var next: [String] = []
            if response.headers.contentType?.subType == "html" {
                html.append(file)
                summary.pages += 1
                next = StaticPaths.links(in: String(decoding: body, as: UTF8.self)).filter { $0.attribute != "action" }.map {
                    let (path, query, _) = Self.split($0.url)
                    return path + (query.map { "?" + $0 } ?? "")
                }
            }
            // A tool's JSON and badge are linked from no page but are part of the public site.
            if Self.endpoint(of: Self.split(link).path) == .tool,
                case let slug = Self.split(link).path.split(separator: "/").last.map(String.init) ?? ""
            {
                next += [SiteURL.api(.tool(slug)).path, SiteURL.badge(slug).path]
            }
            for candidate in next where Self.file(for: candidate) != nil && seen.insert(candidate).inserted {
                queue.append(candidate)
            }
        }
        // A link's file, following redirects (a renamed tool's old slug may lead to another
        // redirect); a loop or a long chain resolves to nothing and keeps the absolute link.
        func resolved(_ key: String) -> String? {
            var key = key
            for _ in 0..<8 {
                if let file = files[key] { return file }
                guard let next = aliases[key] else { return nil }
                key = next
            }
            return nil
        }
        for file in html {
            let url = directory.appendingPathComponent(file)
            let page = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            let rewritten = StaticPaths.rewrite(page) { attribute, link in
                let (path, query, fragment) = Self.split(link)
                let key = path + (query.map { "?" + $0 } ?? "")
                guard attribute != "action", let resolved = resolved(key) else {
                    return HTMLEscaping.attribute(apiOrigin + link.replacingOccurrences(of: "&amp;", with: "&"))
                }
                return StaticPaths.relative(from: file, to: resolved) + (fragment.map { "#" + $0 } ?? "")
            }
            try Data(rewritten.utf8).write(to: url)
        }
        return summary
    }

    private func get(_ link: String) async throws -> Response {
        let request = Request(application: app, method: .GET, url: URI(string: link), on: app.eventLoopGroup.next())
        return try await app.responder.respond(to: request).get()
    }
}
