import VerdictCore

enum CategoryShow {
    struct Model: Sendable {
        var name: String
        var slug: String
        var ranked: [ToolStanding]
        /// Each tool's place; tied tools share one.
        var places: [ToolModel.Place]
        /// Every category, for navigation between them.
        var allCategories: [(name: String, slug: String, count: Int)]
        /// Which page of the ranking `ranked` is.
        var paging: Paging
    }
}
