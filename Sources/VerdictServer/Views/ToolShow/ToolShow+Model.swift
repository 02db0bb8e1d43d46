import Foundation
import Vapor
import VerdictCore

enum ToolShow {
    struct Model: Sendable {
        var standing: ToolStanding
        /// The three closest rivals, to compare with.
        var rivals: [ToolStanding]
        /// This reader's current vote, if they have voted.
        var myVote: Verdict?
        /// Set right after a vote form POST, to confirm it.
        var notice: String?
        /// When the page is rendered (the injected clock): what a price's age is measured against.
        var now: Date
        /// Every take this tool has had, oldest first, with verdict changes marked.
        var history: [TakeHistoryEntry] = []
        /// Set when editors retired the tool: it is out of listings, this page stays.
        var retiredAt: Date?
        /// Offers, prices and dataset records from the intake.
        var intake = ToolIntake()
        /// The tool's cost for the workload in the query (or the default preset).
        var cost: CostView?
        /// The site's public origin, for the badge snippet publishers copy.
        var publicURL = ""
        /// The category's leading tools a reader can pick to compare with (slug, name).
        var compareChoices: [(slug: String, name: String)] = []
        /// The Buyer's take recomputed for the reader's workload (only when they gave one).
        var buyerForWorkload: Take?
        /// The facts the takes are compared with, and when they last changed.
        var factsHash = ""
        var factsChangedAt: Date?
        /// Panel and community by day, oldest first, and the tool's dated changes, newest first.
        var scoreDays: [ScoreDay] = []
        var changes: [CatalogEvents.ToolEvent] = []
        /// The age past which a price is flagged.
        var priceMaxAgeDays = 30
    }

    /// What the reader or the votes decide: holes in the page's template (`PageTemplate`),
    /// rendered per render; the rest of the page, offers and their ages by the day included, is
    /// rendered once with its data. The vote form, whose state is only the reader's vote, has
    /// its three renderings kept with the data (`ToolPageData.voteForms`).
    enum Hole: Int, CaseIterable, Sendable {
        case description, jsonLD, notice, numbers, voteLine, voteForm, cost, buyer, embed
        /// The score chart; `timeline` is the whole section when it has no list of changes.
        case chart, timeline
        /// The first, second and third rival's card numbers.
        case rival0, rival1, rival2
    }
}

/// One take in a tool's history: current or superseded, and whether its verdict changed.
struct TakeHistoryEntry: Content, Sendable {
    var persona: Persona
    /// "ship", "skip" or "abstain".
    var verdict: String
    var source: TakeSource
    // Unset fields are explicit `null` in the API (`superseded_at` is null for the current take).
    @ExplicitNull var model: String?
    @ExplicitNull var promptVersion: String?
    @ExplicitNull var factsHash: String?
    @ExplicitNull var createdAt: Date?
    @ExplicitNull var supersededAt: Date?
    /// Still the persona's current take.
    var current: Bool { supersededAt == nil }
    /// Differs from the previous take by the same persona.
    var verdictChanged: Bool
    /// Take text, or the abstention's reason.
    var text: String
}
