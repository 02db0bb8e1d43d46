import Foundation
import Vapor

/// `verdict export DIR`: writes the public site as static files (see `StaticExport`).
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "directory", help: "A new or empty folder to write the site to")
        var directory: String

        @Option(
            name: "api-origin",
            help:
                "Where votes, subscriptions, search and other dynamic links go: a running `verdict serve`, e.g. https://verdict.example.com (default: VERDICT_PUBLIC_URL)"
        )
        var apiOrigin: String?
    }

    var help: String {
        """
        Writes the public site (pages, feeds, badges, sitemap, tool JSON) as static files with relative links; forms point at the API origin.
        Example: verdict export ./site --api-origin https://verdict.example.com
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let origin = (signature.apiOrigin ?? app.settings.publicURL ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let parsed = URL(string: origin), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil, parsed.query == nil
        else {
            context.console.error(
                "verdict export needs the address of a running server for votes and forms: pass --api-origin https://… or set VERDICT_PUBLIC_URL."
            )
            throw CommandFailed()
        }
        let directory = URL(fileURLWithPath: signature.directory, isDirectory: true)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard existing.isEmpty else {
            context.console.error("\(signature.directory) is not empty; export into a new or empty folder so no old file is left behind.")
            throw CommandFailed()
        }
        try await app.prepareDatabase()
        // Absolute links (sitemap, feeds, share tags, badge snippets) name a real server, not the
        // built-in default, when VERDICT_PUBLIC_URL is unset.
        if app.settings.publicURL == nil { app.mail.publicURL = origin }
        let started = ContinuousClock.now
        let summary = try await StaticExport(app: app, apiOrigin: origin).run(into: directory) { files in
            if files % 500 == 0 { context.console.output("\(files) files…".consoleText()) }
        }
        for link in summary.broken.prefix(20) { context.console.warning("Not exported (no page there): \(link)") }
        context.console.success(
            "Exported \(summary.files) files (\(summary.pages) pages, \(summary.bytes / 1024) KB) to \(signature.directory) in \((ContinuousClock.now - started).components.seconds) s; forms and dynamic links go to \(origin)."
        )
    }
}
