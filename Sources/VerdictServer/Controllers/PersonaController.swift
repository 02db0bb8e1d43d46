import Fluent
import Vapor
import VerdictCore

/// `/personas/{builder|skeptic|futurist|buyer}`: who the persona is, what it weighs, its latest
/// takes, its ship rate and how often it disagrees with the community.
struct PersonaController {
    static let latestTakes = 20

    func show(req: Request) async throws -> CachedAnswer {
        let raw = try req.parameters.require("persona")
        guard let persona = Persona(rawValue: raw) else {
            throw Abort(
                .notFound,
                reason:
                    "There is no persona called '\(raw.prefix(40))'; the panel is \(Persona.allCases.map(\.rawValue).joined(separator: ", "))."
            )
        }
        return CachedAnswer { db in
            let takes = try await TakeModel.latest(persona: persona, limit: Self.latestTakes, on: db)
            let record = try await TakeModel.record(persona: persona, on: db)
            // Any take or vote anywhere moves the record.
            let tags: Set<CacheTag> = [.catalog, .standings]
            return .html(PersonaPage(persona: persona, takes: takes, record: record).document().render(), tags: tags)
        }
    }
}
