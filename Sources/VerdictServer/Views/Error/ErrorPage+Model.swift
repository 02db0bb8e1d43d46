enum ErrorPage {
    struct Model: Sendable {
        var status: Int
        var title: String
        var message: String
    }
}
