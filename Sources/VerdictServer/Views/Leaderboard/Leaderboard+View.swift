import Plot

// Placeholder until the leaderboard view lands.
extension LeaderboardPage {
    struct View {
        let model: Model
        func document() -> HTML { Layout.document(title: "Leaderboard", description: "Leaderboard", body: .h1("Leaderboard")) }
    }
}
