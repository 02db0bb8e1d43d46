import Foundation
import Testing
import Vapor
import VerdictCore

@testable import VerdictServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue #16: `verdict export DIR` writes the public site as static files with working relative
/// links; a link checker crawls the export.
@Suite("Static export")
struct ExportTests {
    static let origin = "https://api.verdict.test"

    @Test("The export holds every public page, feed, badge, sitemap and tool JSON, and every internal link resolves to a file")
    func linksResolve() async throws {
        try await withTestApp(seedDemo: true) { app in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-export-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let summary = try await StaticExport(app: app, apiOrigin: Self.origin).run(into: dir)
            #expect(summary.broken.isEmpty, "\(summary.broken)")
            func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path) }
            for file in [
                "index.html", "tools/index.html", "categories/index.html", "compare/index.html", "leaderboard/index.html",
                "methodology/index.html", "new/index.html", "newsletter/index.html", "feed.atom", "feed.json", "sitemap.xml",
                "assets/site.css", "personas/skeptic/index.html", "tools/smollm3/index.html", "badge/smollm3.svg",
                "api/v1/tools/smollm3.json", "categories/language-models/index.html", "api/v1/openapi.json",
            ] {
                #expect(exists(file), "\(file)")
            }
            for tool in try await ToolModel.listedBySlug(after: nil, limit: 100, on: app.db) {
                #expect(exists("tools/\(tool.slug)/index.html"), "\(tool.slug)")
            }

            // The link checker: every href and src in every page is relative and names a file, or
            // is absolute to another site or the API origin; every form posts to the API origin.
            var pages = 0
            var links = 0
            let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            for url in files where url.pathExtension == "html" {
                pages += 1
                let html = try String(contentsOf: url, encoding: .utf8)
                #expect(StaticPaths.links(in: html).isEmpty, "\(url.lastPathComponent): a site-absolute link is left")
                for link in Self.attributes(html, ["href", "src"]) {
                    if link.hasPrefix("#") || link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") {
                        continue
                    }
                    links += 1
                    let path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    let target = url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                    #expect(FileManager.default.fileExists(atPath: target.path), "\(url.path.dropFirst(dir.path.count)) → \(link)")
                }
                for action in Self.attributes(html, ["action"]) {
                    #expect(action.hasPrefix(Self.origin + "/"), "\(url.lastPathComponent): form to \(action)")
                }
            }
            #expect(pages == summary.pages && pages > 100 && links > 1000, "\(pages) pages, \(links) links")

            // The sitemap and feed parse; the tool page's JSON-LD parses.
            #expect(XMLParser(contentsOf: dir.appendingPathComponent("sitemap.xml"))?.parse() == true)
            #expect(XMLParser(contentsOf: dir.appendingPathComponent("feed.atom"))?.parse() == true)
            let tool = try String(contentsOf: dir.appendingPathComponent("tools/gemini-2-5-flash/index.html"), encoding: .utf8)
            let ld = try #require(
                tool.components(separatedBy: #"<script type="application/ld+json">"#).dropFirst().first?.components(
                    separatedBy: "</script>"
                ).first)
            #expect((try JSONSerialization.jsonObject(with: Data(ld.utf8)) as? [String: Any])?["@type"] as? String == "SoftwareApplication")
            // Voting goes to the API origin.
            #expect(tool.contains(#"action="\#(Self.origin)/tools/gemini-2-5-flash/vote""#))
        }
    }

    @Test("The command refuses a non-empty folder and a missing API origin, in plain words")
    func refusals() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.appendingPathComponent("old.html"))
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withTestApp { app in
            await #expect(throws: CommandFailed.self) { try await app.runCommand(["export", dir.path, "--api-origin", "https://x.test"]) }
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(left == ["old.html"], "nothing is written into it")
            let fresh = dir.path + "-new"
            await #expect(throws: CommandFailed.self) { try await app.runCommand(["export", fresh, "--api-origin", "ftp://x.test"]) }
            #expect(!FileManager.default.fileExists(atPath: fresh))
        }
    }

    /// The values of these attributes, HTML entities for `&` undone.
    static func attributes(_ html: String, _ names: [String]) -> [String] {
        names.flatMap { name in
            html.components(separatedBy: " \(name)=\"").dropFirst().compactMap {
                $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
            }
        }.map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }
}
