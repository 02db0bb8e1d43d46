import Foundation
import Vapor

/// `verdict backup PATH`: an online copy of the SQLite database (PostgreSQL has `pg_dump`).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "The new file to write the copy to; an existing file is never overwritten")
        var path: String
    }

    var help: String {
        "Copies the SQLite database to a new file while the site keeps running (PostgreSQL: use pg_dump)\nExample: verdict backup /var/backups/verdict-2026-12-03.sqlite"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard case .sqlite(let database) = app.settings.database else {
            context.console.error("verdict backup copies SQLite databases only; for PostgreSQL use pg_dump (see docs/operations.md).")
            throw CommandFailed()
        }
        let target = signature.path
        guard !FileManager.default.fileExists(atPath: target) else {
            context.console.error("\(target) already exists; a backup never overwrites a file, so name a new one.")
            throw CommandFailed()
        }
        // Not migrated first: a backup taken before an upgrade must hold the old schema. And no
        // empty database is made where none was.
        guard database.hasPrefix("file:") || FileManager.default.fileExists(atPath: database) else {
            context.console.error("There is no database at \(database) (DATABASE_URL); nothing to back up.")
            throw CommandFailed()
        }
        do {
            try await app.db.backUpSQLite(to: target)
        } catch {
            let reason = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            context.console.error("Could not write the backup to \(target): \(reason)")
            throw CommandFailed()
        }
        context.console.success("Backed up \(database) to \(target)")
    }
}
