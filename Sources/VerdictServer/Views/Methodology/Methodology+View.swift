import Plot

// Placeholder until the methodology view lands.
extension Methodology {
    struct View {
        let model: Model
        func document() -> HTML { Layout.document(title: "Methodology", description: "Methodology", body: .h1("Methodology")) }
    }
}
