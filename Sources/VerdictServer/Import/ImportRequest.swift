import Foundation
import VerdictCore

/// One import to run through `ImportPipeline`: what to read, what to call it, who asked.
///
/// A value, not a file: the CLI and the desk hand over bytes, the forms and the API a parsed
/// document; a source sync or a reader's submission will hand over either.
struct ImportRequest: Sendable {
    /// The catalog as text (YAML or JSON, told apart by name and first character) or as a tree.
    enum Input: Sendable {
        case text(Data)
        case document(JSONValue)
        /// A public model dataset's file (`verdict import --format`), read as of `checkedAt`;
        /// with `skipInvalid`, records with absurd values are left out instead of failing the import.
        case dataset(Data, format: PriceDataset, checkedAt: Date, skipInvalid: Bool)
    }

    var input: Input
    /// Names the input in every problem: a file name, "pasted text", "request body".
    var source: String
    var origin: ImportOrigin
    /// Validate only; write nothing.
    var checkOnly = false
    /// For a dataset: new tools wait unlisted in the intake queue for an editor
    /// (`VERDICT_SYNC_HOLD_NEW`) instead of being published at once.
    var holdNew = false

    static func text(_ data: Data, source: String, origin: ImportOrigin, checkOnly: Bool = false) -> ImportRequest {
        ImportRequest(input: .text(data), source: source, origin: origin, checkOnly: checkOnly)
    }

    static func document(_ value: JSONValue, source: String, origin: ImportOrigin) -> ImportRequest {
        ImportRequest(input: .document(value), source: source, origin: origin)
    }
}

/// Where an import came from; its `actor` signs every audit entry the import writes.
enum ImportOrigin: Sendable, Hashable {
    /// `verdict import` on the server's console.
    case cli
    /// A file uploaded or pasted on the desk's import page.
    case desk(actor: String)
    /// A catalog file posted to the admin API.
    case api(actor: String)
    /// The demo catalog, loaded into an empty database.
    case demo
    /// One tool created or edited with the desk's form or the admin API.
    case edit(actor: String)
    /// A dataset source's sync (`verdict sync` or the daily job inside `serve`).
    case sync(source: String)

    var actor: String {
        switch self {
        case .cli: Audit.cli("import")
        case .demo: "system:demo-catalog"
        case .sync(let source): "system:sync:\(source)"
        case .desk(let actor), .api(let actor), .edit(let actor): actor
        }
    }

    /// Why a verdict moved, as the tool page and `/new` say it: "new facts from models.dev".
    var cause: String {
        switch self {
        case .cli: "new facts from an import file"
        case .demo: "the demo catalog"
        case .sync(let source): "new facts or prices from \(source)"
        case .desk, .api: "new facts imported by an editor"
        case .edit: "an editor's edit"
        }
    }

    /// The channel's name, for logs.
    var channel: String {
        switch self {
        case .cli: "cli"
        case .desk: "desk"
        case .api: "api"
        case .demo: "demo"
        case .edit: "edit"
        case .sync: "sync"
        }
    }
}
